/**
 * Folds text for matching: compatibility-decomposes it (NFKD), drops the
 * combining marks and lower-cases it, so "Zoë" and "ZOE" both become "zoe".
 */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

/** Splits folded text into words of letters and digits. */
export function splitWords(folded: string): string[] {
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}
