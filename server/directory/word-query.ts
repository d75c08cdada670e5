import type Database from "better-sqlite3";

import { TRIGRAM_LENGTH } from "./directory-indexes.js";
import {
  deletionVariants,
  isWithinOneEdit,
  MIN_TYPO_WORD_LENGTH,
} from "./typo-variants.js";

/**
 * An FTS5 query that finds the rows matching a search's words, newest
 * first, and the short words the caller checks on each row it returns.
 */
export interface WordQuery {
  table: "directory_words" | "directory_trigrams";
  match: string;
  /** Words shorter than a trigram that must start a word of the row. */
  prefixFilter: string[];
}

/**
 * Maximum number of vocabulary words a query word may expand to in a token
 * search. A word found inside more of them ("2024", "100") is searched as a
 * substring in the trigram index instead.
 */
const MAX_TOKENS_PER_WORD = 48;

/**
 * Plans the search for folded query words, or returns null when no row can
 * match. Each word of three characters or more, or for words of five
 * letters or more a name word within edit distance 1, must occur in the
 * name or end_user_id. Such text can only occur inside one word of letters
 * and digits. So the plan looks up the vocabulary words that contain it and
 * searches for those whole tokens, which is several times faster than
 * intersecting trigram lists. Shorter words must start a word. When longer
 * words narrow the rows, the caller checks the short words on each row,
 * because a one- or two-letter prefix matches most users.
 */
export function planWordQuery(
  db: Database.Database,
  words: string[],
): WordQuery | null {
  const longWords = words.filter((word) => [...word].length >= TRIGRAM_LENGTH);
  const shortWords = words.filter((word) => !longWords.includes(word));
  if (longWords.length === 0) {
    return {
      table: "directory_words",
      match: shortWords.map((word) => `${quote(word)} *`).join(" AND "),
      prefixFilter: [],
    };
  }

  const alternatives = longWords.map((word) => [
    word,
    ...similarWords(db, word),
  ]);
  const trigramQuery: WordQuery = {
    table: "directory_trigrams",
    match: alternatives.map(anyOf).join(" AND "),
    prefixFilter: shortWords,
  };
  const tokens: string[][] = [];
  for (const texts of alternatives) {
    const found = findTokens(db, texts);
    if (found === null) return trigramQuery;
    if (found.length === 0) return null;
    tokens.push(found);
  }
  return {
    table: "directory_words",
    match: tokens.map(anyOf).join(" AND "),
    prefixFilter: shortWords,
  };
}

/**
 * Returns the vocabulary words that contain any of the texts, or null when
 * they are more than MAX_TOKENS_PER_WORD.
 */
function findTokens(db: Database.Database, texts: string[]): string[] | null {
  const statement = db
    .prepare(
      `SELECT word FROM directory_vocabulary_trigrams
      WHERE directory_vocabulary_trigrams MATCH ? LIMIT ?`,
    )
    .pluck();
  const tokens = new Set<string>();
  for (const text of texts) {
    const found = statement.all(quote(text), MAX_TOKENS_PER_WORD + 1);
    for (const word of found as string[]) tokens.add(word);
    if (tokens.size > MAX_TOKENS_PER_WORD) return null;
  }
  return [...tokens];
}

/** Name words within edit distance 1 of `word`, other than `word` itself. */
function similarWords(db: Database.Database, word: string): string[] {
  if ([...word].length < MIN_TYPO_WORD_LENGTH) return [];
  const variants = deletionVariants(word);
  const candidates = db
    .prepare(
      `SELECT DISTINCT word FROM directory_word_variants
      WHERE variant IN (${variants.map(() => "?").join(", ")})`,
    )
    .pluck()
    .all(...variants) as string[];
  return candidates.filter(
    (candidate) => candidate !== word && isWithinOneEdit(candidate, word),
  );
}

function anyOf(texts: string[]): string {
  const quoted = texts.map(quote);
  return quoted.length === 1 ? quoted[0]! : `(${quoted.join(" OR ")})`;
}

/** Quotes text as an FTS5 string, so it is never read as syntax. */
export function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
