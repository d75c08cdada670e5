const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * Formats how long ago an ISO timestamp was, in English: "less than a minute
 * ago", "4 minutes ago", "2 hours ago". A time in the future (the browser's
 * clock behind the server's) reads as "just now".
 */
export function formatTimeAgo(iso: string, nowMs: number): string {
  const then = Date.parse(iso);

  if (Number.isNaN(then)) return iso;

  const elapsed = nowMs - then;

  if (elapsed < 0) return "just now";
  if (elapsed < MINUTE_MS) return "less than a minute ago";
  if (elapsed < HOUR_MS)
    return plural(Math.floor(elapsed / MINUTE_MS), "minute");
  if (elapsed < DAY_MS) return plural(Math.floor(elapsed / HOUR_MS), "hour");

  return plural(Math.floor(elapsed / DAY_MS), "day");
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"} ago`;
}
