import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Generates a 32-byte random token, base64url-encoded. */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Returns the SHA-256 hex of a session token: the id stored for it. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Compares two tokens in constant time; a missing one never matches. */
export function tokensMatch(
  given: string | undefined,
  expected: string | undefined,
): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
