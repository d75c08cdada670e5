import type { HeronRateLimit } from "../../../../server/contract/heron-data";
import { formatLocalTime } from "../../../lib/format-date";

/** The console server's name for Heron's start call. */
export const START_OPERATION = "start_by_name";

export interface StartBudgetText {
  /** "exhausted" when Heron will reject a start until the window resets. */
  tone: "info" | "exhausted";
  text: string;
}

/**
 * Describes how many more starts Heron's rate limit allows, from the last
 * window Heron reported, or returns null when Heron reported no count.
 * Once the reset time has passed, the reported count is out of date, so the
 * text falls back to the window's limit.
 */
export function describeStartBudget(
  rateLimit: HeronRateLimit | undefined,
  nowMs: number,
  formatTime: (iso: string) => string = formatTimeOfDay,
): StartBudgetText | null {
  if (rateLimit === undefined || rateLimit.remaining === null) return null;

  const { limit, remaining, reset_at: resetAt } = rateLimit;
  const resetMs = resetAt === null ? Number.NaN : Date.parse(resetAt);

  if (resetAt !== null && resetMs <= nowMs) {
    if (limit === null) return null;

    return {
      tone: "info",
      text: `Heron's rate-limit window for starts has reset, so it allows up to ${starts(limit)} again.`,
    };
  }

  if (resetAt === null || Number.isNaN(resetMs)) {
    return {
      tone: remaining === 0 ? "exhausted" : "info",
      text: `Heron allowed ${more(remaining)} at ${formatTime(rateLimit.observed_at)} and gave no reset time.`,
    };
  }

  if (remaining === 0) {
    return {
      tone: "exhausted",
      text: `Heron allows no more starts until ${formatTime(resetAt)}, when its rate-limit window resets. A start before then will be rejected.`,
    };
  }

  return {
    tone: "info",
    text: `Heron allows ${more(remaining)} until ${formatTime(resetAt)}, when its rate-limit window resets.`,
  };
}

function starts(count: number): string {
  return `${count} ${count === 1 ? "start" : "starts"}`;
}

function more(count: number): string {
  return count === 0
    ? "no more starts"
    : `${count} more ${count === 1 ? "start" : "starts"}`;
}

function formatTimeOfDay(iso: string): string {
  return formatLocalTime(new Date(iso));
}
