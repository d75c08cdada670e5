import type { HeronRateLimit } from "../contract/heron-data.js";
import type { RateLimit } from "./rate-limit.js";

/**
 * Heron's last reported rate-limit window per operation. Every Heron
 * response that carries x-ratelimit-* headers replaces the entry, so the
 * numbers are as fresh as the last call, not a prediction.
 */
export class RateLimitBudgets {
  readonly #byOperation = new Map<string, HeronRateLimit>();

  record(operation: string, rateLimit: RateLimit, observedAt: Date): void {
    const { limit, remaining, resetAt } = rateLimit;
    if (limit === null && remaining === null && resetAt === null) return;
    this.#byOperation.set(operation, {
      operation,
      limit,
      remaining,
      reset_at: resetAt === null ? null : toIso(resetAt * 1000),
      observed_at: observedAt.toISOString(),
    });
  }

  /** Returns the entries sorted by operation name. */
  list(): HeronRateLimit[] {
    return [...this.#byOperation.values()].sort((a, b) =>
      a.operation.localeCompare(b.operation),
    );
  }
}

function toIso(ms: number): string | null {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
