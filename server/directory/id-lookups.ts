export const HERON_ID_PATTERN = /^eus_[A-Za-z0-9]{22}$/;

/** How long a text Heron did not know is not asked about again. */
const MISS_TTL_MS = 60_000;
const MAX_MISSES = 1000;

/**
 * Tells whether search text may be an id worth asking Heron about. That is
 * a heron id, or text with a digit or one of - _ / @ . : % in it, as
 * customers' own end_user_id values have. Plain words are names, which the
 * directory finds alone, so typing a name costs no Heron call.
 */
export function looksLikeId(text: string): boolean {
  if (HERON_ID_PATTERN.test(text)) return true;
  return text.length >= 3 && /[\d\-_/@.:%]/.test(text);
}

/**
 * Texts Heron recently responded 404 to, so typing or pasting the same
 * unknown id again does not spend the lookup endpoint's rate limit.
 */
export class RecentMisses {
  readonly #expiry = new Map<string, number>();

  has(text: string, nowMs: number): boolean {
    const expiresAt = this.#expiry.get(text);
    if (expiresAt === undefined) return false;
    if (expiresAt > nowMs) return true;
    this.#expiry.delete(text);
    return false;
  }

  add(text: string, nowMs: number): void {
    this.#expiry.delete(text);
    this.#expiry.set(text, nowMs + MISS_TTL_MS);
    if (this.#expiry.size > MAX_MISSES) {
      const oldest = this.#expiry.keys().next().value;
      if (oldest !== undefined) this.#expiry.delete(oldest);
    }
  }
}
