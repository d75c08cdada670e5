/**
 * Returns a function that replaces the API key in text from Heron, in any
 * letter case and also URL-encoded, as an error page might echo it from a
 * header or a query string.
 */
export function createKeyRedactor(
  apiKey: string,
  replacement: string,
): (text: string) => string {
  // An empty pattern would match between every character.
  if (apiKey === "") return (text) => text;

  const forms = new Set([apiKey, encodeURIComponent(apiKey)]);
  const pattern = new RegExp([...forms].map(escapeRegExp).join("|"), "gi");
  return (text) => text.replace(pattern, replacement);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
