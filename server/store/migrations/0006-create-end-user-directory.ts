import { sql, type Kysely } from "kysely";

// The end-user directory: a copy of Heron's end users that the console
// searches, two full-text indexes over folded text, the vocabulary that typo
// matching uses, and one row of sync progress. The folded columns hold the
// text lower-cased with accents removed (NFKD), written by the directory code.
// That code also keeps the full-text indexes in step: writing them from
// triggers made a 100,000-user sync about six times slower.
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
  `CREATE INDEX directory_end_users_updated_idx
    ON directory_end_users (heron_updated_ms DESC)`,
  // Substring search, for queries of three or more characters. Heron ids
  // are left out: a few letters of a random id match by chance, so heron ids
  // match only from their start, through the UNIQUE index.
  `CREATE VIRTUAL TABLE directory_trigrams USING fts5(
    name_folded, end_user_id_folded,
    content = 'directory_end_users', content_rowid = 'id',
    tokenize = 'trigram'
  )`,
  // Word-prefix search, for queries shorter than a trigram, and whole-word
  // lookups for typo matches.
  `CREATE VIRTUAL TABLE directory_words USING fts5(
    name_folded, end_user_id_folded,
    content = 'directory_end_users', content_rowid = 'id',
    tokenize = "unicode61 remove_diacritics 0", prefix = '1 2'
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
    "directory_words",
    "directory_trigrams",
    "directory_end_users",
  ]) {
    await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
  }
}
