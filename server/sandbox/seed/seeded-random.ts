const ALPHANUMERIC =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/**
 * Deterministic pseudo-random numbers (Marsaglia's xorshift32), so the seed
 * data and generated ids are the same on every start. Not for secrets.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    // xorshift never leaves the all-zero state, so zero is replaced.
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** Returns a number in [0, 1). */
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 2 ** 32;
  }

  /** Returns an integer from min to max, both included. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.integer(0, items.length - 1)];
    if (item === undefined) throw new Error("Cannot pick from an empty list.");
    return item;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  alphanumeric(length: number): string {
    let text = "";
    for (let i = 0; i < length; i++) {
      text += ALPHANUMERIC.charAt(this.integer(0, ALPHANUMERIC.length - 1));
    }
    return text;
  }
}

/** Builds a Heron-style id: a prefix such as "eus_", then 22 alphanumerics. */
export function heronId(prefix: string, random: SeededRandom): string {
  return prefix + random.alphanumeric(22);
}
