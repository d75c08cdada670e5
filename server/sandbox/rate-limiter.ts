import type { RateLimit, SandboxOperation } from "./types.js";

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Unix time in seconds when the current window ends. */
  resetAtSeconds: number;
  /** The limit in Heron's words, such as "100 per 1 minute". */
  description: string;
}

interface Window {
  startMs: number;
  count: number;
}

/**
 * Fixed-window limits, one counter per operation. A window opens with the
 * first request after the previous one ended, as the fixed-window strategy of
 * Python's `limits` package (used by flask-limiter) does, so windows are not
 * aligned to the clock.
 * NOTE: Heron's documentation does not say whether its windows are aligned.
 */
export class FixedWindowRateLimiter {
  private windows = new Map<SandboxOperation, Window>();

  constructor(private readonly limits: Record<SandboxOperation, RateLimit>) {}

  hit(operation: SandboxOperation, nowMs: number): RateLimitDecision {
    const { limit, windowSeconds } = this.limits[operation];
    const windowMs = windowSeconds * 1000;

    let window = this.windows.get(operation);
    if (!window || nowMs >= window.startMs + windowMs) {
      window = { startMs: nowMs, count: 0 };
      this.windows.set(operation, window);
    }
    window.count += 1;

    return {
      allowed: window.count <= limit,
      limit,
      remaining: Math.max(0, limit - window.count),
      resetAtSeconds: Math.ceil((window.startMs + windowMs) / 1000),
      description: describeRateLimit({ limit, windowSeconds }),
    };
  }

  reset(): void {
    this.windows.clear();
  }
}

/** Formats a limit as Heron's 429 description does: "100 per 1 minute". */
export function describeRateLimit({ limit, windowSeconds }: RateLimit): string {
  const [amount, unit] =
    windowSeconds % 3600 === 0
      ? [windowSeconds / 3600, "hour"]
      : windowSeconds % 60 === 0
        ? [windowSeconds / 60, "minute"]
        : [windowSeconds, "second"];
  return `${limit} per ${amount} ${unit}${amount === 1 ? "" : "s"}`;
}
