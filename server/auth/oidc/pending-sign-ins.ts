import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// The secrets of each sign-in that a browser has started at the provider
// and not finished yet. They stay in this process's memory, keyed by the
// OAuth state. The browser keeps only a random binding value in a cookie,
// so an attempt can be finished only by the browser that started it.

/** How long an attempt stays usable, in milliseconds (10 minutes). */
export const PENDING_SIGN_IN_TTL_MS = 10 * 60 * 1000;

// Bounds the memory that unfinished attempts can take: /start needs no
// session, so anyone can create them. About 300 bytes each.
const MAX_PENDING = 10_000;

export interface PendingSignIn {
  /** Checked against the ID token's nonce claim. */
  nonce: string;
  /** The PKCE code verifier, sent with the code to the token endpoint. */
  codeVerifier: string;
}

interface StoredSignIn extends PendingSignIn {
  bindingHash: Buffer;
  expiresAt: number;
}

export class PendingSignIns {
  // A Map iterates in insertion order, which is also expiry order.
  private readonly byState = new Map<string, StoredSignIn>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Creates a binding value for a browser that has none yet. */
  static newBinding(): string {
    return randomBytes(32).toString("base64url");
  }

  /** Stores an attempt for the browser holding `binding`. */
  add(state: string, binding: string, signIn: PendingSignIn): void {
    this.removeExpired();
    if (this.byState.size >= MAX_PENDING) {
      // NOTE: a flood of /start requests can push out real attempts this
      // way. Those people see state_mismatch and start again.
      const oldest = this.byState.keys().next().value;
      if (oldest !== undefined) this.byState.delete(oldest);
    }
    this.byState.set(state, {
      ...signIn,
      bindingHash: hashBinding(binding),
      expiresAt: this.now() + PENDING_SIGN_IN_TTL_MS,
    });
  }

  /**
   * Removes the attempt with this state and returns it when it is still
   * valid and belongs to the browser holding `binding`, else null. Any
   * lookup removes the attempt, so each state works at most once.
   */
  take(state: string, binding: string | undefined): PendingSignIn | null {
    const stored = this.byState.get(state);
    if (!stored) return null;
    this.byState.delete(state);

    if (stored.expiresAt <= this.now()) return null;
    if (binding === undefined) return null;
    if (!timingSafeEqual(stored.bindingHash, hashBinding(binding))) {
      return null;
    }
    return { nonce: stored.nonce, codeVerifier: stored.codeVerifier };
  }

  get size(): number {
    return this.byState.size;
  }

  private removeExpired(): void {
    const now = this.now();
    for (const [state, stored] of this.byState) {
      if (stored.expiresAt > now) break;
      this.byState.delete(state);
    }
  }
}

// Hashing gives both sides the same length, which timingSafeEqual needs.
function hashBinding(binding: string): Buffer {
  return createHash("sha256").update(binding).digest();
}
