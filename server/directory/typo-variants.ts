/** Shortest query word that typo matching applies to, in characters. */
export const MIN_TYPO_WORD_LENGTH = 5;

/**
 * Returns the word itself and every form of it with one character deleted.
 * Two words one insertion, deletion, substitution or swap of neighbours
 * apart always share an entry of their variant sets, so these variants find
 * candidates, which isWithinOneEdit confirms.
 */
export function deletionVariants(word: string): string[] {
  const characters = [...word];
  const variants = new Set([word]);
  for (let i = 0; i < characters.length; i++) {
    variants.add(characters.toSpliced(i, 1).join(""));
  }
  return [...variants];
}

/**
 * Returns whether one insertion, deletion or substitution, or one swap of
 * two neighbouring characters, turns a into b. The swap is the most common
 * typing slip ("amce" for "acme"), so it counts as one edit, not two.
 */
export function isWithinOneEdit(a: string, b: string): boolean {
  const left = [...a];
  const right = [...b];
  if (Math.abs(left.length - right.length) > 1) return false;
  if (isOneSwap(left, right)) return true;

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

/** Returns whether a and b differ only by two neighbouring characters swapped. */
function isOneSwap(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;

  const first = a.findIndex((character, index) => character !== b[index]);
  if (first === -1 || first + 1 >= a.length) return false;

  return (
    a[first] === b[first + 1] &&
    a[first + 1] === b[first] &&
    a.slice(first + 2).join("") === b.slice(first + 2).join("")
  );
}
