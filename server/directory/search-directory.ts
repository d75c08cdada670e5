import { END_USER_SEARCH_COUNT_LIMIT } from "../contract/heron-data.js";
import type { DirectoryRow } from "./directory-entry.js";
import type { DirectoryStore } from "./directory-store.js";
import { foldText, splitWords } from "./fold-text.js";
import {
  deletionVariants,
  isWithinOneEdit,
  MIN_TYPO_WORD_LENGTH,
} from "./typo-variants.js";

export interface DirectorySearchResult {
  rows: DirectoryRow[];
  /** Rows whose heron_id or end_user_id equals the text, which come first. */
  exactCount: number;
  /** Matches counted up to END_USER_SEARCH_COUNT_LIMIT. */
  total: number;
}

// The trigram tokenizer indexes runs of three characters, so shorter words
// use the word index's prefix search instead.
const TRIGRAM_LENGTH = 3;

// Heron ids are random letters and digits, so a few of their characters
// match other text by chance. They match only from their start, once the
// text has the "eus_" prefix and one character more.
const HERON_ID_PREFIX = /^eus_[A-Za-z0-9]+$/;

/**
 * Searches the directory. Each query word must match the name or
 * end_user_id as a substring (three characters or more), as a word prefix
 * (shorter words), or, for words of five letters or more, as a name word
 * within edit distance 1. Ranked: exact id, then names that start with the
 * text's words, then other matches; within each, the most recently updated
 * first. Gone entries are left out.
 *
 * Entry ids grow with Heron's update time, so each query reads a full-text
 * index backwards and stops after `limit` rows instead of sorting every
 * match.
 *
 * NOTE: text of two or more common words ("northwind freight") took 35 to
 * 50 ms at 200,000 users on a loaded 2-core machine, above the 20 ms goal,
 * because the trigram index intersects long lists for each word. The
 * benchmark is in docs/benchmarks.md.
 */
export function searchDirectory(
  store: DirectoryStore,
  text: string,
  limit: number,
): DirectorySearchResult {
  const exact = text === "" ? [] : store.findById(text);
  const folded = foldText(text);
  const words = splitWords(folded);

  let matches: { rows: DirectoryRow[]; total: number };
  if (folded.trim() === "") matches = listNewest(store, limit);
  else if (HERON_ID_PREFIX.test(text))
    matches = findHeronIds(store, text, limit);
  else if (words.length === 0) matches = { rows: [], total: 0 };
  else matches = findWords(store, words, limit + exact.length);

  const exactIds = new Set(exact.map((row) => row.id));
  const others = matches.rows.filter((row) => !exactIds.has(row.id));
  return {
    rows: [...exact, ...others].slice(0, limit),
    exactCount: exact.length,
    total: Math.min(
      Math.max(matches.total, exact.length),
      END_USER_SEARCH_COUNT_LIMIT,
    ),
  };
}

function listNewest(store: DirectoryStore, limit: number) {
  const rows = store.db
    .prepare(
      `SELECT * FROM directory_end_users WHERE gone_at IS NULL
      ORDER BY id DESC LIMIT ?`,
    )
    .all(limit) as DirectoryRow[];
  return { rows, total: store.count() };
}

function findHeronIds(store: DirectoryStore, prefix: string, limit: number) {
  // Heron ids are ASCII, so every id with this prefix sorts below the
  // prefix followed by U+FFFF.
  const where = `gone_at IS NULL AND heron_id >= ? AND heron_id < ?`;
  const range = [prefix, `${prefix}\uffff`];
  const rows = store.db
    .prepare(
      `SELECT * FROM directory_end_users WHERE ${where}
      ORDER BY id DESC LIMIT ?`,
    )
    .all(...range, limit) as DirectoryRow[];
  return { rows, total: countUpToLimit(store, where, range) };
}

/** Names starting with the words first, then the other matches. */
function findWords(store: DirectoryStore, words: string[], limit: number) {
  const prefixRows = store.db
    .prepare(
      `SELECT d.* FROM directory_words w
      JOIN directory_end_users d ON d.id = w.rowid
      WHERE directory_words MATCH ? AND d.gone_at IS NULL
      ORDER BY w.rowid DESC LIMIT ?`,
    )
    .all(namePrefixQuery(words), limit) as DirectoryRow[];

  const match = matchQuery(store, words);
  const prefixIds = new Set(prefixRows.map((row) => row.id));
  const rowsNeeded = limit + prefixRows.length;
  const otherRows: DirectoryRow[] = [];
  let total = 0;

  // Short words are checked here rather than through the word index,
  // because a one- or two-letter prefix matches most users while the
  // trigram matches are few enough to test one by one.
  const driver = match.trigrams
    ? { table: "directory_trigrams", query: match.trigrams }
    : {
        table: "directory_words",
        query: match.shortWords.map(prefixTerm).join(" AND "),
      };
  const filter = match.trigrams ? match.shortWords : [];
  const candidatesSql = `SELECT d.* FROM ${driver.table} f
    JOIN directory_end_users d ON d.id = f.rowid
    WHERE ${driver.table} MATCH ? AND d.gone_at IS NULL
    ORDER BY f.rowid DESC`;

  if (filter.length === 0) {
    otherRows.push(
      ...(store.db
        .prepare(`${candidatesSql} LIMIT ?`)
        .all(driver.query, rowsNeeded) as DirectoryRow[]),
    );
    total = store.db
      .prepare(
        `SELECT count(*) FROM (${candidatesSql}
        LIMIT ${END_USER_SEARCH_COUNT_LIMIT})`,
      )
      .pluck()
      .get(driver.query) as number;
  } else {
    const candidates = store.db
      .prepare(candidatesSql)
      .iterate(driver.query) as IterableIterator<DirectoryRow>;
    for (const row of candidates) {
      if (!hasWordPrefixes(row, filter)) continue;
      total++;
      if (otherRows.length < rowsNeeded) otherRows.push(row);
      if (total >= END_USER_SEARCH_COUNT_LIMIT) break;
    }
  }

  return {
    rows: [
      ...prefixRows,
      ...otherRows.filter((row) => !prefixIds.has(row.id)),
    ].slice(0, limit),
    total: Math.max(total, prefixRows.length),
  };
}

function hasWordPrefixes(row: DirectoryRow, prefixes: string[]): boolean {
  if (prefixes.length === 0) return true;
  const words = splitWords(`${row.name_folded} ${row.end_user_id_folded}`);
  return prefixes.every((prefix) =>
    words.some((word) => word.startsWith(prefix)),
  );
}

function countUpToLimit(
  store: DirectoryStore,
  where: string,
  parameters: string[],
): number {
  return store.db
    .prepare(
      `SELECT count(*) FROM (SELECT 1 FROM directory_end_users
      WHERE ${where} LIMIT ${END_USER_SEARCH_COUNT_LIMIT})`,
    )
    .pluck()
    .get(...parameters) as number;
}

/**
 * Builds an FTS5 query for names whose first words are the query's words,
 * the last one as a prefix: "cafe mu" finds "Café Müller GmbH".
 */
function namePrefixQuery(words: string[]): string {
  return `name_folded : ^ ${quote(words.join(" "))} *`;
}

/**
 * Builds the FTS5 query that the words of three or more characters must
 * match in the trigram index, each as itself or as a similar name word, and
 * lists the shorter words, which match as word prefixes.
 */
function matchQuery(
  store: DirectoryStore,
  words: string[],
): { trigrams: string | null; shortWords: string[] } {
  const trigramTerms: string[] = [];
  const shortWords: string[] = [];

  for (const word of words) {
    if ([...word].length < TRIGRAM_LENGTH) {
      shortWords.push(word);
      continue;
    }
    const alternatives = [word, ...similarWords(store, word)].map(quote);
    trigramTerms.push(
      alternatives.length === 1
        ? alternatives[0]!
        : `(${alternatives.join(" OR ")})`,
    );
  }
  return {
    trigrams: trigramTerms.length > 0 ? trigramTerms.join(" AND ") : null,
    shortWords,
  };
}

function prefixTerm(word: string): string {
  return `${quote(word)} *`;
}

/** Name words within edit distance 1 of `word`, other than `word` itself. */
function similarWords(store: DirectoryStore, word: string): string[] {
  if ([...word].length < MIN_TYPO_WORD_LENGTH) return [];
  const variants = deletionVariants(word);
  const candidates = store.db
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

/** Quotes text as an FTS5 string, so it is never read as syntax. */
function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
