import type Database from "better-sqlite3";

import type { DirectoryEntry, DirectoryRow } from "./directory-entry.js";
import { foldText, splitWords } from "./fold-text.js";
import { NEW_SYNC_STATE, type SyncState } from "./sync-state.js";
import { deletionVariants, MIN_TYPO_WORD_LENGTH } from "./typo-variants.js";

/**
 * The directory's tables, written and read through better-sqlite3 on a
 * connection of its own. Every method is synchronous, so callers keep each
 * batch small enough not to hold up the event loop.
 */
export class DirectoryStore {
  readonly db: Database.Database;
  readonly #statements: ReturnType<typeof prepareStatements>;
  readonly #knownWords = new Set<string>();

  constructor(db: Database.Database) {
    this.db = db;
    this.#statements = prepareStatements(db);
    const words = db
      .prepare("SELECT word FROM directory_word_variants WHERE variant = word")
      .pluck()
      .all() as string[];
    for (const word of words) this.#knownWords.add(word);
  }

  /**
   * Inserts or updates the entries in one transaction and clears gone_at.
   * An entry whose Heron update time changed moves to a new recency id. The
   * full-text indexes are rewritten only when the text or the id changed.
   */
  upsert(entries: readonly DirectoryEntry[], seenAt: string): void {
    const statements = this.#statements;
    const write = this.db.transaction(() => {
      for (const entry of entries) {
        const updatedMs = parseTime(entry.heron_updated_at);
        const row = {
          ...entry,
          heron_updated_ms: updatedMs,
          seen_at: seenAt,
          name_folded: foldText(entry.name ?? ""),
          end_user_id_folded: foldText(entry.end_user_id),
        };
        const existing = statements.findText.get(entry.heron_id) as
          | (IndexedText & { id: number; heron_updated_ms: number | null })
          | undefined;

        if (existing && existing.heron_updated_ms === updatedMs) {
          statements.update.run({ ...row, id: existing.id });
          const changed =
            existing.name_folded !== row.name_folded ||
            existing.end_user_id_folded !== row.end_user_id_folded;
          if (changed) {
            statements.unindexText(existing.id, existing);
            statements.indexText(existing.id, row);
          }
        } else {
          if (existing) {
            statements.unindexText(existing.id, existing);
            statements.remove.run(existing.id);
          }
          const id = this.#nextRecencyId(updatedMs);
          statements.insert.run({ ...row, id });
          statements.indexText(id, row);
        }
        this.#addWords(row.name_folded);
      }
    });
    write();
  }

  /**
   * Returns a free id that sorts by Heron's update time: the second times
   * 2^16, plus a count within the second. Full-text queries then return the
   * most recently updated users first by reading their index backwards,
   * and stop after a page, whatever the number of matches.
   */
  #nextRecencyId(updatedMs: number | null): number {
    const base = Math.floor((updatedMs ?? 0) / 1000) * IDS_PER_SECOND;
    const highest = this.#statements.highestIdFrom.get(
      base,
      base + IDS_PER_SECOND - 1,
    ) as number | null;
    let id = highest === null ? base : highest + 1;
    // More than 2^16 users updated in one second spill into the next
    // second's ids, out of order but still unique.
    if (id >= base + IDS_PER_SECOND) {
      while (this.#statements.idTaken.get(id) !== undefined) id++;
    }
    return id;
  }

  /** Marks the entry gone and returns whether an entry was there to mark. */
  markGone(heronId: string, goneAt: string): boolean {
    const result = this.db
      .prepare(
        "UPDATE directory_end_users SET gone_at = ? " +
          "WHERE heron_id = ? AND gone_at IS NULL",
      )
      .run(goneAt, heronId);
    return result.changes > 0;
  }

  /**
   * Marks gone every entry not seen since `seenSince`, and returns how many
   * it marked. Both times are ISO 8601 UTC strings from toISOString(), so
   * they compare as text.
   */
  markUnseenGone(seenSince: string, goneAt: string): number {
    const result = this.db
      .prepare(
        "UPDATE directory_end_users SET gone_at = ? " +
          "WHERE gone_at IS NULL AND seen_at < ?",
      )
      .run(goneAt, seenSince);
    return result.changes;
  }

  /** Returns the entries not gone whose heron_id or end_user_id is `id`. */
  findById(id: string): DirectoryRow[] {
    return this.db
      .prepare(
        `SELECT * FROM directory_end_users
        WHERE gone_at IS NULL
          AND (heron_id = @id OR end_user_id = @id
            OR end_user_id_folded = @folded)
        ORDER BY heron_id = @id DESC, end_user_id = @id DESC,
          heron_updated_ms DESC
        LIMIT 5`,
      )
      .all({ id, folded: foldText(id) }) as DirectoryRow[];
  }

  count(): number {
    return this.db
      .prepare("SELECT count(*) FROM directory_end_users WHERE gone_at IS NULL")
      .pluck()
      .get() as number;
  }

  readSyncState(): SyncState {
    const row = this.db
      .prepare("SELECT * FROM directory_sync_state WHERE id = 1")
      .get() as (SyncState & { id: number }) | undefined;
    if (!row) return { ...NEW_SYNC_STATE };
    const { id: _id, ...state } = row;
    return state;
  }

  writeSyncState(state: SyncState): void {
    this.db
      .prepare(
        `INSERT INTO directory_sync_state (id, phase, next_page, watermark_ms,
          started_at, synced_at, failed_at, error_message)
        VALUES (1, @phase, @next_page, @watermark_ms, @started_at,
          @synced_at, @failed_at, @error_message)
        ON CONFLICT (id) DO UPDATE SET
          phase = excluded.phase,
          next_page = excluded.next_page,
          watermark_ms = excluded.watermark_ms,
          started_at = excluded.started_at,
          synced_at = excluded.synced_at,
          failed_at = excluded.failed_at,
          error_message = excluded.error_message`,
      )
      .run(state);
  }

  /**
   * Records each new word under its deletion variants. Words one shorter than
   * the typo minimum count too: a query word of that minimum with one
   * character too many is within edit distance 1 of them.
   */
  #addWords(folded: string): void {
    for (const word of splitWords(folded)) {
      if ([...word].length < MIN_TYPO_WORD_LENGTH - 1) continue;
      if (this.#knownWords.has(word)) continue;
      for (const variant of deletionVariants(word)) {
        this.#statements.addVariant.run(variant, word);
      }
      this.#knownWords.add(word);
    }
  }
}

const IDS_PER_SECOND = 65_536;

interface IndexedText {
  name_folded: string;
  end_user_id_folded: string;
}

function prepareStatements(db: Database.Database) {
  const insertTrigrams = db.prepare(
    "INSERT INTO directory_trigrams (rowid, name_folded, end_user_id_folded) " +
      "VALUES (?, ?, ?)",
  );
  const insertWords = db.prepare(
    "INSERT INTO directory_words (rowid, name_folded, end_user_id_folded) " +
      "VALUES (?, ?, ?)",
  );
  // External-content FTS5 tables delete by the old text, not by rowid.
  const deleteTrigrams = db.prepare(
    "INSERT INTO directory_trigrams (directory_trigrams, rowid, " +
      "name_folded, end_user_id_folded) VALUES ('delete', ?, ?, ?)",
  );
  const deleteWords = db.prepare(
    "INSERT INTO directory_words (directory_words, rowid, name_folded, " +
      "end_user_id_folded) VALUES ('delete', ?, ?, ?)",
  );

  return {
    addVariant: db.prepare(
      "INSERT OR IGNORE INTO directory_word_variants (variant, word) " +
        "VALUES (?, ?)",
    ),
    findText: db.prepare(
      "SELECT id, heron_updated_ms, name_folded, end_user_id_folded " +
        "FROM directory_end_users WHERE heron_id = ?",
    ),
    highestIdFrom: db
      .prepare(
        "SELECT max(id) FROM directory_end_users WHERE id BETWEEN ? AND ?",
      )
      .pluck(),
    idTaken: db.prepare("SELECT 1 FROM directory_end_users WHERE id = ?"),
    remove: db.prepare("DELETE FROM directory_end_users WHERE id = ?"),
    insert: db.prepare(`
      INSERT INTO directory_end_users (id, heron_id, end_user_id, name, status,
        heron_updated_at, heron_updated_ms, seen_at, gone_at, name_folded,
        end_user_id_folded)
      VALUES (@id, @heron_id, @end_user_id, @name, @status, @heron_updated_at,
        @heron_updated_ms, @seen_at, NULL, @name_folded, @end_user_id_folded)`),
    update: db.prepare(`
      UPDATE directory_end_users SET end_user_id = @end_user_id,
        name = @name, status = @status,
        heron_updated_at = @heron_updated_at,
        heron_updated_ms = @heron_updated_ms, seen_at = @seen_at,
        gone_at = NULL, name_folded = @name_folded,
        end_user_id_folded = @end_user_id_folded
      WHERE id = @id`),
    indexText(id: number | bigint, text: IndexedText): void {
      insertTrigrams.run(id, text.name_folded, text.end_user_id_folded);
      insertWords.run(id, text.name_folded, text.end_user_id_folded);
    },
    unindexText(id: number | bigint, text: IndexedText): void {
      deleteTrigrams.run(id, text.name_folded, text.end_user_id_folded);
      deleteWords.run(id, text.name_folded, text.end_user_id_folded);
    },
  };
}

/** Parses Heron's ISO 8601 time to Unix milliseconds, or null. */
export function parseTime(text: string | null): number | null {
  if (text === null) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}
