import { randomBytes } from "node:crypto";

// Crockford's base32, as in ULIDs: ids sort by creation time as text.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RANDOM_BITS = 80n;

function encode(value: bigint, length: number): string {
  let text = "";
  for (let index = 0; index < length; index += 1) {
    text = ALPHABET[Number(value & 31n)] + text;
    value >>= 5n;
  }
  return text;
}

/**
 * Creates a generator of ids such as "run_…": the prefix, 10 characters of
 * milliseconds then 16 random ones. Ids made in the same millisecond increase
 * by one, so the text order is the creation order within one process.
 */
export function createRunIdGenerator(
  prefix = "run_",
): (nowMs: number) => string {
  let lastMs = -1;
  let lastRandom = 0n;

  return (nowMs) => {
    if (nowMs <= lastMs) {
      lastRandom = (lastRandom + 1n) & ((1n << RANDOM_BITS) - 1n);
    } else {
      lastMs = nowMs;
      lastRandom = BigInt(`0x${randomBytes(10).toString("hex")}`) >> 1n;
    }
    return `${prefix}${encode(BigInt(lastMs), 10)}${encode(lastRandom, 16)}`;
  };
}
