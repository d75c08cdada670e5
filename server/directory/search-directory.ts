import { END_USER_SEARCH_COUNT_LIMIT } from "../contract/heron-data.js";
import { HERON_ID_FORM } from "../contract/runs.js";
import type { DirectoryRow } from "./directory-entry.js";
import type { DirectoryStore } from "./directory-store.js";
import { foldText, splitWords } from "./fold-text.js";
import { planWordQuery, quote, type WordQuery } from "./word-query.js";

export interface DirectorySearchResult {
  rows: DirectoryRow[];
  /** Rows whose heron_id or end_user_id equals the text, which come first. */
  exactCount: number;
  /** Matches counted up to END_USER_SEARCH_COUNT_LIMIT. */
  total: number;
}

// Heron ids are random letters and digits, so a few of their characters
// match other text by chance. They match only from their start, once the
// text has the "eus_" prefix and one character more (HERON_ID_FORM).

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
 * match. planWordQuery picks the index for the words. The timings at
 * 200,000 users are in docs/benchmarks.md.
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
  else if (HERON_ID_FORM.test(text)) matches = findHeronIds(store, text, limit);
  else if (words.length === 0) matches = findSubstring(store, folded, limit);
  else matches = findWords(store, words, limit + exact.length);
  // Words of one or two characters match only at the start of a word, and
  // the trigram index needs three. Inside a name written without spaces,
  // as Chinese and Japanese names are, only a scan finds them.
  if (matches.total === 0 && words.every((word) => [...word].length < 3)) {
    matches = findSubstring(store, folded, limit);
  }

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

/**
 * Finds names that contain the text, for what the word indexes cannot
 * find: symbols such as an emoji, and short words inside longer ones. It
 * reads the whole table, which is rare enough to accept, because almost
 * every search finds something through the indexes first.
 */
function findSubstring(store: DirectoryStore, folded: string, limit: number) {
  const pattern = `%${folded.trim().replace(/[\\%_]/g, "\\$&")}%`;
  const where = `gone_at IS NULL AND name_folded LIKE ? ESCAPE '\\'`;
  const rows = store.db
    .prepare(
      `SELECT * FROM directory_end_users WHERE ${where}
      ORDER BY id DESC LIMIT ?`,
    )
    .all(pattern, limit) as DirectoryRow[];
  return { rows, total: countUpToLimit(store, where, [pattern]) };
}

interface WordMatches {
  rows: DirectoryRow[];
  total: number;
  /** Names that start with the words, or null when not all were read. */
  namePrefixRows: DirectoryRow[] | null;
}

/** Names starting with the words first, then the other matches. */
function findWords(store: DirectoryStore, words: string[], limit: number) {
  const query = planWordQuery(store.db, words);
  if (query === null) return { rows: [], total: 0 };

  const matches =
    query.prefixFilter.length === 0
      ? findMatches(store, query, limit)
      : filterMatches(store, query, words, limit);
  const prefixRows =
    matches.namePrefixRows ?? findNamePrefixRows(store, words, limit);
  const prefixIds = new Set(prefixRows.map((row) => row.id));
  return {
    rows: [
      ...prefixRows,
      ...matches.rows.filter((row) => !prefixIds.has(row.id)),
    ].slice(0, limit),
    total: Math.max(matches.total, prefixRows.length),
  };
}

function findNamePrefixRows(
  store: DirectoryStore,
  words: string[],
  limit: number,
): DirectoryRow[] {
  return store.db
    .prepare(
      `SELECT d.* FROM directory_words w
      JOIN directory_end_users d ON d.id = w.rowid
      WHERE directory_words MATCH ?
      ORDER BY w.rowid DESC LIMIT ?`,
    )
    .all(namePrefixQuery(words), limit) as DirectoryRow[];
}

/**
 * Runs a word query without a filter, newest first. Gone users are not in
 * the full-text indexes, so the count reads the index alone. Up to `limit`
 * rows may be names that start with the words, so twice that many are read.
 */
function findMatches(
  store: DirectoryStore,
  query: WordQuery,
  limit: number,
): WordMatches {
  const { table, match } = query;
  const rows = store.db
    .prepare(
      `SELECT d.* FROM ${table} f
      JOIN directory_end_users d ON d.id = f.rowid
      WHERE ${table} MATCH ? ORDER BY f.rowid DESC LIMIT ?`,
    )
    .all(match, 2 * limit) as DirectoryRow[];
  const total = store.db
    .prepare(
      `SELECT count(*) FROM (SELECT rowid FROM ${table}
      WHERE ${table} MATCH ? LIMIT ${END_USER_SEARCH_COUNT_LIMIT})`,
    )
    .pluck()
    .get(match) as number;
  return { rows, total, namePrefixRows: null };
}

/**
 * Reads a word query's rows, newest first, and keeps those with a word that
 * starts with each short query word, up to the count limit. When that reads
 * every match, the names that start with the query's words are picked out
 * here. That spares a phrase query, which is slow when the text has a
 * common word such as "of" but no name starts with the text.
 */
function filterMatches(
  store: DirectoryStore,
  query: WordQuery,
  words: string[],
  limit: number,
): WordMatches {
  const { table, match, prefixFilter } = query;
  const candidates = store.db
    .prepare(
      `SELECT d.* FROM ${table} f
      JOIN directory_end_users d ON d.id = f.rowid
      WHERE ${table} MATCH ? ORDER BY f.rowid DESC`,
    )
    .iterate(match) as IterableIterator<DirectoryRow>;
  const rows: DirectoryRow[] = [];
  const namePrefixRows: DirectoryRow[] = [];
  let total = 0;

  for (const row of candidates) {
    if (!hasWordPrefixes(row, prefixFilter)) continue;
    total++;
    if (rows.length < 2 * limit) rows.push(row);
    if (namePrefixRows.length < limit && nameStartsWith(row, words)) {
      namePrefixRows.push(row);
    }
    if (total >= END_USER_SEARCH_COUNT_LIMIT) {
      return { rows, total, namePrefixRows: null };
    }
  }
  return { rows, total, namePrefixRows };
}

/**
 * Returns whether the name's first words are `words`, the last one as a
 * prefix, which is what namePrefixQuery matches in the word index.
 */
function nameStartsWith(row: DirectoryRow, words: string[]): boolean {
  const nameWords = splitWords(row.name_folded);
  const last = words.length - 1;
  return words.every((word, i) =>
    i === last ? nameWords[i]?.startsWith(word) : nameWords[i] === word,
  );
}

function hasWordPrefixes(row: DirectoryRow, prefixes: string[]): boolean {
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
