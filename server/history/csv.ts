// CSV text as RFC 4180 describes it: CRLF line ends, and fields that contain
// a comma, a double quote, CR or LF wrapped in double quotes, with their
// quotes doubled.

// Spreadsheets run a cell starting with one of these as a formula. OWASP's
// advice on CSV injection is to prefix such cells with a single quote.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Formats one cell. Text that a spreadsheet would run gets a leading '. */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);

  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Formats one record, ending in CRLF. */
export function csvRecord(values: readonly (string | number | null)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
