/**
 * Pretty-prints a value for display as text. Strings are shown as they are,
 * because the server stores a non-JSON response from Heron as its raw text.
 */
export function formatJsonForDisplay(value: unknown): string {
  if (value === undefined) return "(nothing)";
  if (typeof value === "string") return value;

  return JSON.stringify(value, null, 2);
}
