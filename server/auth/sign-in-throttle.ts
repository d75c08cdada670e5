import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

import type { AuthConfig } from "../config.js";

// Counts failed sign-ins per account and per address in memory. One console
// process serves each database, so the counts need not be shared; they start
// again from zero when the console restarts.

export interface SignInThrottle {
  /** Milliseconds until the email or address may try again, 0 when free. */
  blockedForMs(email: string, address: string): Promise<number>;
  recordFailure(email: string, address: string): Promise<void>;
  /** Forgets the account's failures after a successful sign-in. */
  recordSuccess(email: string): Promise<void>;
}

export function createSignInThrottle(config: AuthConfig): SignInThrottle {
  const duration = config.signInLockMinutes * 60;
  const byAccount = new RateLimiterMemory({
    keyPrefix: "sign-in-account",
    points: config.signInFailuresPerAccount,
    duration,
  });
  const byAddress = new RateLimiterMemory({
    keyPrefix: "sign-in-address",
    points: config.signInFailuresPerAddress,
    duration,
  });

  const waitOf = async (limiter: RateLimiterMemory, key: string) => {
    const state = await limiter.get(key);
    if (!state || state.consumedPoints < limiter.points) return 0;
    return state.msBeforeNext;
  };

  const consume = async (limiter: RateLimiterMemory, key: string) => {
    try {
      await limiter.consume(key);
    } catch (error) {
      // A rejection with RateLimiterRes only says the limit is reached now.
      if (!(error instanceof RateLimiterRes)) throw error;
    }
  };

  return {
    async blockedForMs(email, address) {
      const waits = await Promise.all([
        waitOf(byAccount, email),
        waitOf(byAddress, address),
      ]);
      return Math.max(...waits);
    },
    async recordFailure(email, address) {
      await consume(byAccount, email);
      await consume(byAddress, address);
    },
    async recordSuccess(email) {
      await byAccount.delete(email);
    },
  };
}
