import { createHash } from "node:crypto";

import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

import type { AuthConfig } from "../config.js";

// Counts sign-in attempts per account and per address in memory. One console
// process serves each database, so the counts need not be shared; they start
// again from zero when the console restarts.
//
// An attempt takes its point before the password is checked, so requests
// that arrive together cannot all pass the check before any failure counts.
// The account's counter is also keyed by its current password hash. A reset
// writes a new hash, from the admin page or from the CLI in another process,
// so the new password starts with a fresh counter and no message between
// processes is needed.

export interface SignInThrottle {
  /**
   * Takes one attempt from the account's and the address's budgets. Returns
   * null when the attempt may go on, else which limit it hit and the wait.
   */
  claimAttempt(
    account: AccountKey,
    address: string,
  ): Promise<SignInBlock | null>;
  /** Forgets the account's attempts and returns the address's one point. */
  recordSuccess(account: AccountKey, address: string): Promise<void>;
}

/** A rejected attempt: the limit it hit and the milliseconds to wait. */
export interface SignInBlock {
  limit: "account" | "address";
  waitMs: number;
}

/** The typed email, and the password hash of its account when one exists. */
export interface AccountKey {
  email: string;
  passwordHash: string | null;
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

  /** Returns 0 when a point was free, else the milliseconds to wait. */
  const take = async (limiter: RateLimiterMemory, key: string) => {
    try {
      await limiter.consume(key);
      return 0;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      return Math.max(1, error.msBeforeNext);
    }
  };

  return {
    async claimAttempt(account, address) {
      const accountKey = keyOf(account);
      const accountWait = await take(byAccount, accountKey);
      // A locked account spends none of the address's budget.
      if (accountWait > 0) return { limit: "account", waitMs: accountWait };
      const addressWait = await take(byAddress, address);
      if (addressWait === 0) return null;
      await byAccount.reward(accountKey);
      return { limit: "address", waitMs: addressWait };
    },
    async recordSuccess(account, address) {
      await byAccount.delete(keyOf(account));
      await byAddress.reward(address);
    },
  };
}

function keyOf({ email, passwordHash }: AccountKey): string {
  if (passwordHash === null) return email;
  const digest = createHash("sha256").update(passwordHash).digest("hex");
  return `${email}:${digest.slice(0, 16)}`;
}
