import type { RateLimit } from "../heron/rate-limit.js";

/** Fallback wait after a 429 that carried no reset time. */
const UNKNOWN_RESET_WAIT_MS = 60_000;
/** Margin after Heron's reset second, for clocks that differ a little. */
const RESET_MARGIN_MS = 1000;

/**
 * Paces the sync's requests to one Heron endpoint, whose fixed window Heron
 * reports in x-ratelimit-* headers. The sync takes at most `share` of each
 * window's limit and leaves the rest to staff and to the company's other
 * systems. It stops for the window when it has used its share, or when what
 * remains is no more than the others' part. When its own part runs low, it
 * spreads its last requests over the rest of the window.
 */
export class SyncBudget {
  readonly #share: number;
  #window: RateLimit | null = null;
  /** Requests this sync sent in the window that #window describes. */
  #used = 0;

  constructor(share: number) {
    this.#share = share;
  }

  /** Milliseconds to wait before the next request, 0 to send it now. */
  delayMs(nowMs: number): number {
    const window = this.#window;
    if (!window || window.limit === null || window.resetAt === null) return 0;

    const resetMs = window.resetAt * 1000 + RESET_MARGIN_MS;
    if (nowMs >= resetMs) return 0;

    const allowance = Math.max(1, Math.floor(window.limit * this.#share));
    const othersPart = window.limit - allowance;
    const remaining = window.remaining ?? window.limit - this.#used;
    const left = Math.min(allowance - this.#used, remaining - othersPart);
    if (left <= 0) return resetMs - nowMs;

    // Slow down in the last quarter of the share, so the requests that are
    // left are spread over the window rather than spent at once.
    if (left <= Math.ceil(allowance / 4)) {
      return Math.floor((resetMs - nowMs) / (left + 1));
    }
    return 0;
  }

  /** Records the rate-limit headers of a response to the sync's request. */
  record(rateLimit: RateLimit): void {
    if (rateLimit.limit === null && rateLimit.remaining === null) return;
    const sameWindow =
      this.#window !== null && this.#window.resetAt === rateLimit.resetAt;
    this.#used = sameWindow ? this.#used + 1 : 1;
    this.#window = rateLimit;
  }

  /** Milliseconds to wait after a 429 before the next request. */
  waitAfterRejection(rateLimit: RateLimit, nowMs: number): number {
    this.#window = rateLimit;
    if (rateLimit.resetAt === null) return UNKNOWN_RESET_WAIT_MS;
    return Math.max(0, rateLimit.resetAt * 1000 + RESET_MARGIN_MS - nowMs);
  }
}
