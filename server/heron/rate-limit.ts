import type { IncomingHttpHeaders } from "node:http";

/** Heron's fixed-window rate limit, from the x-ratelimit-* headers. */
export interface RateLimit {
  limit: number | null;
  remaining: number | null;
  /** Unix time in seconds when the window refills. */
  resetAt: number | null;
}

export function parseRateLimit(headers: IncomingHttpHeaders): RateLimit {
  return {
    limit: readWholeNumber(headers["x-ratelimit-limit"]),
    remaining: readWholeNumber(headers["x-ratelimit-remaining"]),
    resetAt: readWholeNumber(headers["x-ratelimit-reset"]),
  };
}

/**
 * Returns whole seconds from `nowMs` until the window refills, at least 1, or
 * null when Heron sent no reset time.
 */
export function secondsUntilReset(
  rateLimit: RateLimit,
  nowMs: number = Date.now(),
): number | null {
  if (rateLimit.resetAt === null) return null;
  return Math.max(1, Math.ceil(rateLimit.resetAt - nowMs / 1000));
}

function readWholeNumber(value: string | string[] | undefined): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || !/^\s*\d+\s*$/.test(text)) return null;
  return Number(text);
}
