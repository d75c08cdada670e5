/** Shortest query word that typo matching applies to, in characters. */
export const MIN_TYPO_WORD_LENGTH = 5;

/**
 * Returns the word itself and every form of it with one character deleted.
 * Two words are within edit distance 1 only if their variant sets share an
 * entry, so these variants find candidates, which isWithinOneEdit confirms.
 */
export function deletionVariants(word: string): string[] {
  const characters = [...word];
  const variants = new Set([word]);
  for (let i = 0; i < characters.length; i++) {
    variants.add(characters.toSpliced(i, 1).join(""));
  }
  return [...variants];
}

/** Returns whether one insertion, deletion or substitution turns a into b. */
export function isWithinOneEdit(a: string, b: string): boolean {
  const left = [...a];
  const right = [...b];
  if (Math.abs(left.length - right.length) > 1) return false;

  const [shorter, longer] =
    left.length <= right.length ? [left, right] : [right, left];
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < shorter.length && j < longer.length) {
    if (shorter[i] === longer[j]) {
      i++;
      j++;
      continue;
    }
    edits++;
    if (edits > 1) return false;
    if (shorter.length === longer.length) i++;
    j++;
  }
  return edits + (longer.length - j) <= 1;
}
