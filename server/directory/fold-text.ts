/**
 * Latin letters that NFKD leaves whole because Unicode treats them as
 * letters of their own, not as a base letter plus a mark. Each maps to the
 * spelling people type on a keyboard without it ("Łódź" as "lodz", "Straße"
 * as "strasse"). Keys are lower case, because folding lower-cases first.
 */
const LETTER_SPELLINGS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
  ħ: "h",
  ŧ: "t",
  ŀ: "l",
  ĸ: "k",
  ŋ: "n",
  ɨ: "i",
  ƀ: "b",
  ƶ: "z",
};

const SPELLED_LETTERS = new RegExp(
  `[${Object.keys(LETTER_SPELLINGS).join("")}]`,
  "gu",
);

/**
 * Folds text for matching, for both the index and the query: lower-cases
 * it, compatibility-decomposes it (NFKD), drops the combining marks and
 * spells out letters such as "ł" and "ß" that NFKD does not split. So
 * "Zoë" becomes "zoe", "Łódź" becomes "lodz" and "Groß" becomes "gross".
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(SPELLED_LETTERS, (letter) => LETTER_SPELLINGS[letter] ?? letter);
}

/** Splits folded text into words of letters and digits. */
export function splitWords(folded: string): string[] {
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}
