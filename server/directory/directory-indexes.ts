import type Database from "better-sqlite3";

import { splitWords } from "./fold-text.js";
import { deletionVariants, MIN_TYPO_WORD_LENGTH } from "./typo-variants.js";

/** The folded text of one directory row, as the search indexes store it. */
export interface IndexedText {
  name_folded: string;
  end_user_id_folded: string;
}

/** Shortest word the trigram index can find by substring, in characters. */
export const TRIGRAM_LENGTH = 3;

/**
 * Maximum number of vocabulary words cached in memory. Name words repeat
 * on most rows and are cached first. Most end_user_id words are new, so
 * they are written anyway.
 */
const MAX_CACHED_VOCABULARY_WORDS = 50_000;

/**
 * Writes the search indexes of the directory: the two full-text indexes
 * over each row's folded text, the vocabulary of words for substring
 * search, and the deletion variants of name words for typo matching. The
 * caller runs these inside its own transaction.
 */
export class DirectoryIndexes {
  readonly #statements: ReturnType<typeof prepareStatements>;
  // Name words repeat across many users, so remembering the ones already
  // written skips most of their variant inserts.
  readonly #knownNameWords = new Set<string>();
  readonly #cachedVocabulary = new Set<string>();

  constructor(db: Database.Database) {
    this.#statements = prepareStatements(db);
    const words = db
      .prepare("SELECT word FROM directory_word_variants WHERE variant = word")
      .pluck()
      .all() as string[];
    for (const word of words) this.#knownNameWords.add(word);
  }

  /** Indexes a row's text under its id and records its new words. */
  add(id: number | bigint, text: IndexedText): void {
    const { name_folded: name, end_user_id_folded: endUserId } = text;
    this.#statements.insertTrigrams.run(id, name, endUserId);
    this.#statements.insertWords.run(id, name, endUserId);
    this.#addVocabulary(splitWords(`${name} ${endUserId}`));
    this.#addNameWords(splitWords(name));
  }

  /**
   * Removes a row's text from the full-text indexes. External-content FTS5
   * tables delete by the old text, so `text` must be what was indexed. The
   * vocabulary keeps the row's words. A word that no row contains any more
   * matches no token, and only takes a slot in a query's list of tokens.
   */
  remove(id: number | bigint, text: IndexedText): void {
    const { name_folded: name, end_user_id_folded: endUserId } = text;
    this.#statements.deleteTrigrams.run(id, name, endUserId);
    this.#statements.deleteWords.run(id, name, endUserId);
  }

  /**
   * Forgets the cached words, after a transaction that may have added some
   * was rolled back, so they are written again.
   */
  clearCachedWords(): void {
    this.#knownNameWords.clear();
    this.#cachedVocabulary.clear();
  }

  #addVocabulary(words: string[]): void {
    for (const word of words) {
      if ([...word].length < TRIGRAM_LENGTH) continue;
      if (this.#cachedVocabulary.has(word)) continue;
      const added = this.#statements.addVocabularyWord.run(word);
      if (added.changes > 0) {
        this.#statements.indexVocabularyWord.run(added.lastInsertRowid, word);
      }
      if (this.#cachedVocabulary.size < MAX_CACHED_VOCABULARY_WORDS) {
        this.#cachedVocabulary.add(word);
      }
    }
  }

  /**
   * Records each new name word under its deletion variants. Words one
   * shorter than the typo minimum count too: a query word of that minimum
   * with one character too many is within edit distance 1 of them.
   */
  #addNameWords(words: string[]): void {
    for (const word of words) {
      if ([...word].length < MIN_TYPO_WORD_LENGTH - 1) continue;
      if (this.#knownNameWords.has(word)) continue;
      for (const variant of deletionVariants(word)) {
        this.#statements.addVariant.run(variant, word);
      }
      this.#knownNameWords.add(word);
    }
  }
}

function prepareStatements(db: Database.Database) {
  return {
    insertTrigrams: db.prepare(
      "INSERT INTO directory_trigrams (rowid, name_folded, " +
        "end_user_id_folded) VALUES (?, ?, ?)",
    ),
    insertWords: db.prepare(
      "INSERT INTO directory_words (rowid, name_folded, end_user_id_folded) " +
        "VALUES (?, ?, ?)",
    ),
    deleteTrigrams: db.prepare(
      "INSERT INTO directory_trigrams (directory_trigrams, rowid, " +
        "name_folded, end_user_id_folded) VALUES ('delete', ?, ?, ?)",
    ),
    deleteWords: db.prepare(
      "INSERT INTO directory_words (directory_words, rowid, name_folded, " +
        "end_user_id_folded) VALUES ('delete', ?, ?, ?)",
    ),
    addVocabularyWord: db.prepare(
      "INSERT OR IGNORE INTO directory_vocabulary (word) VALUES (?)",
    ),
    indexVocabularyWord: db.prepare(
      "INSERT INTO directory_vocabulary_trigrams (rowid, word) VALUES (?, ?)",
    ),
    addVariant: db.prepare(
      "INSERT OR IGNORE INTO directory_word_variants (variant, word) " +
        "VALUES (?, ?)",
    ),
  };
}
