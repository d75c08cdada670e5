const localFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: "medium",
  timeStyle: "medium",
});

const localDateFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: "medium",
});

const localTimeFormat = new Intl.DateTimeFormat(undefined, {
  timeStyle: "medium",
});

/** Formats an ISO timestamp in the browser's time zone and locale. */
export function formatLocalDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : localFormat.format(date);
}

/**
 * Splits an ISO timestamp into a local date and a local time of day, for a
 * narrow column that shows them on two lines. An invalid timestamp comes
 * back whole as the date, with an empty time.
 */
export function formatLocalDateAndTime(iso: string): {
  date: string;
  time: string;
} {
  const date = new Date(iso);

  if (Number.isNaN(date.getTime())) return { date: iso, time: "" };

  return {
    date: localDateFormat.format(date),
    time: localTimeFormat.format(date),
  };
}

/** Formats an ISO timestamp as UTC, for example "2026-12-04 15:28:03 UTC". */
export function formatUtcDateTime(iso: string): string {
  const date = new Date(iso);

  if (Number.isNaN(date.getTime())) return iso;

  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** Formats a time of day in the browser's time zone, for example "14:03:12". */
export function formatLocalTime(date: Date): string {
  return date.toLocaleTimeString(undefined, { timeStyle: "medium" });
}
