import {
  randomBytes,
  scrypt,
  timingSafeEqual,
  type ScryptOptions,
} from "node:crypto";

// scrypt from node:crypto: it is memory-hard, so guessing at scale needs
// memory as well as compute, and it ships with Node, so no native module has
// to be built as argon2 would need. Each hash stores its own parameters and
// salt, so the cost can be raised later without breaking existing hashes.

const COST = 2 ** 15;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** Above the 128 * N * r = 32 MiB these parameters need. */
const MAX_MEMORY_BYTES = 64 * 1024 * 1024;

function deriveKey(
  password: string,
  salt: Buffer,
  options: ScryptOptions,
  keyBytes: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFC"), salt, keyBytes, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Hashes a password as scrypt$N$r$p$salt$key, salt and key in base64. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(
    password,
    salt,
    { N: COST, r: BLOCK_SIZE, p: PARALLELISM, maxmem: MAX_MEMORY_BYTES },
    KEY_BYTES,
  );
  return [
    "scrypt",
    COST,
    BLOCK_SIZE,
    PARALLELISM,
    salt.toString("base64"),
    key.toString("base64"),
  ].join("$");
}

/**
 * Checks a password against a stored hash in constant time. A hash this code
 * cannot read counts as no match.
 */
export async function verifyPassword(
  password: string,
  stored: string,
): Promise<boolean> {
  const [scheme, n, r, p, saltText, keyText] = stored.split("$");
  if (scheme !== "scrypt" || !saltText || !keyText) return false;

  const expected = Buffer.from(keyText, "base64");
  const options = {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEMORY_BYTES,
  };
  const actual = await deriveKey(
    password,
    Buffer.from(saltText, "base64"),
    options,
    expected.length,
  );
  return timingSafeEqual(actual, expected);
}

/** Generates a password of 24 URL-safe characters (144 random bits). */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks the password against a hash of a random password, so a sign-in for
 * an unknown account takes as long as one for a known account.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(generatePassword());
  await verifyPassword(password, await dummyHash);
  return false;
}
