// An ISO 8601 date-time without "Z" or an offset.
const NO_OFFSET = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * Parses a date-time from Heron into epoch milliseconds, or null.
 * NOTE: Heron's contract gives only the format "date-time", not the time
 * zone, so a value without an offset is read as UTC, not as local time.
 */
export function parseHeronTime(text: string | null | undefined): number | null {
  if (!text) return null;
  const ms = Date.parse(NO_OFFSET.test(text) ? `${text}Z` : text);
  return Number.isNaN(ms) ? null : ms;
}
