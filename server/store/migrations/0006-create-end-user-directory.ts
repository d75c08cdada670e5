import { sql, type Kysely } from "kysely";

// The end-user directory: a copy of Heron's end users that the console
// searches, two full-text indexes over folded text, the vocabulary that
// substring and typo matching use, and one row of sync progress. The folded
// columns hold the text lower-cased with accents removed (NFKD), written by
// the directory code. That code also keeps the full-text indexes in step,
// and leaves gone users out of them: writing them from triggers made a
// 100,000-user sync about six times slower. No search ranks by bm25, so
// the full-text tables keep no column sizes (columnsize = 0), which saves a
// write per row.
export const DIRECTORY_SCHEMA = [
  `CREATE TABLE directory_end_users (
    id INTEGER PRIMARY KEY,
    heron_id TEXT NOT NULL UNIQUE,
    end_user_id TEXT NOT NULL,
    name TEXT,
    status TEXT,
    heron_updated_at TEXT,
    heron_updated_ms INTEGER,
    seen_at TEXT NOT NULL,
    gone_at TEXT,
    name_folded TEXT NOT NULL,
    end_user_id_folded TEXT NOT NULL
  )`,
  `CREATE INDEX directory_end_users_end_user_id_idx
    ON directory_end_users (end_user_id)`,
  `CREATE INDEX directory_end_users_end_user_id_folded_idx
    ON directory_end_users (end_user_id_folded)`,
  // Few users are gone, so counting the others subtracts this small range
  // from the table's row count instead of scanning every row.
  `CREATE INDEX directory_end_users_gone_idx
    ON directory_end_users (gone_at) WHERE gone_at IS NOT NULL`,
  // Substring search, for query words of three or more characters whose
  // vocabulary matches are too many to list. Heron ids are left out: a few
  // letters of a random id match by chance, so heron ids match only from
  // their start, through the UNIQUE index.
  `CREATE VIRTUAL TABLE directory_trigrams USING fts5(
    name_folded, end_user_id_folded,
    content = 'directory_end_users', content_rowid = 'id',
    tokenize = 'trigram', columnsize = 0
  )`,
  // Whole-word and word-prefix search. Its tokens are the runs of letters
  // and digits that splitWords returns (categories L* and N*), so a word of
  // the vocabulary is a token here. A letter missing from SQLite's Unicode
  // tables splits a word in two, and the quoted word still matches as a
  // phrase.
  `CREATE VIRTUAL TABLE directory_words USING fts5(
    name_folded, end_user_id_folded,
    content = 'directory_end_users', content_rowid = 'id',
    tokenize = "unicode61 remove_diacritics 0 categories 'L* N*'",
    prefix = '1 2', columnsize = 0
  )`,
  // Every folded word of three characters or more in a name or
  // end_user_id, with a trigram index. A query word can only match inside
  // one such word, so the words that contain it, looked up here, turn a
  // substring search into a search for whole tokens in directory_words.
  `CREATE TABLE directory_vocabulary (
    id INTEGER PRIMARY KEY,
    word TEXT NOT NULL UNIQUE
  )`,
  `CREATE VIRTUAL TABLE directory_vocabulary_trigrams USING fts5(
    word,
    content = 'directory_vocabulary', content_rowid = 'id',
    tokenize = 'trigram', columnsize = 0
  )`,
  // Each folded name word of four letters or more under every form with one
  // letter deleted (and under itself), so a query word finds the words
  // within edit distance 1 through its own deletions.
  `CREATE TABLE directory_word_variants (
    variant TEXT NOT NULL,
    word TEXT NOT NULL,
    PRIMARY KEY (variant, word)
  ) WITHOUT ROWID`,
  `CREATE TABLE directory_sync_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    phase TEXT NOT NULL,
    next_page INTEGER NOT NULL,
    watermark_ms INTEGER,
    started_at TEXT,
    synced_at TEXT,
    failed_at TEXT,
    error_message TEXT
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of DIRECTORY_SCHEMA) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "directory_sync_state",
    "directory_word_variants",
    "directory_vocabulary_trigrams",
    "directory_vocabulary",
    "directory_words",
    "directory_trigrams",
    "directory_end_users",
  ]) {
    await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
  }
}
