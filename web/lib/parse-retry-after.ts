/** Reads Retry-After in either of its forms: delta seconds or an HTTP date. */
export function parseRetryAfter(
  header: string | null,
  now: number = Date.now(),
): number | null {
  if (header === null || header.trim() === "") return null;

  const trimmed = header.trim();

  if (/^\d+$/.test(trimmed)) return Number(trimmed);

  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;

  return Math.max(0, Math.ceil((date - now) / 1000));
}
