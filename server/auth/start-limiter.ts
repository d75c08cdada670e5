import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export interface StartLimiter {
  readonly perSecond: number;
  /**
   * Counts one start for the user. Returns 0 when it is allowed, else the
   * milliseconds until the next start will be.
   */
  take(userId: string): Promise<number>;
}

/** Allows each user `perSecond` starts in any one-second window. */
export function createStartLimiter(perSecond: number): StartLimiter {
  const limiter = new RateLimiterMemory({
    keyPrefix: "starts",
    points: perSecond,
    duration: 1,
  });
  return {
    perSecond,
    async take(userId) {
      try {
        await limiter.consume(userId);
        return 0;
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        return error.msBeforeNext;
      }
    },
  };
}
