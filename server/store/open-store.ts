import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

import Database from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect } from "kysely";

import { migrationProvider } from "./migrations/index.js";
import { createRunStore, type RunStore } from "./run-store.js";
import type { DatabaseSchema } from "./schema.js";

/** Milliseconds a write waits for another connection's lock to clear. */
const BUSY_TIMEOUT_MS = 5000;

export interface OpenStoreOptions {
  /**
   * Receives the SQLite connection after the migrations, so tests can
   * provoke database faults on the real connection.
   */
  onConnection?: (sqlite: Database.Database) => void;
}

/**
 * Opens the SQLite database at `path`, creating its folder when missing, and
 * applies pending migrations. ":memory:" opens a private in-memory database.
 */
export async function openStore(
  path: string,
  options: OpenStoreOptions = {},
): Promise<RunStore> {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });

  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  // better-sqlite3 12 builds SQLite with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1,
  // which lets a power loss undo the last commits. FULL makes a run's row
  // durable before Heron is called, at one fsync per commit.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma("foreign_keys = ON");

  const db = new Kysely<DatabaseSchema>({
    dialect: new SqliteDialect({ database: sqlite }),
  });

  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    const failed = results?.find((result) => result.status === "Error");
    const name = failed?.migrationName ?? "(before any migration ran)";
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Migrating the database ${path} failed at ${name}: ${reason}`,
      { cause: error },
    );
  }

  options.onConnection?.(sqlite);
  // An in-memory database exists only on its own connection.
  const openReader = path === ":memory:" ? undefined : () => openReadOnly(path);
  return createRunStore(db, undefined, { openReader });
}

function openReadOnly(path: string): Kysely<DatabaseSchema> {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return new Kysely<DatabaseSchema>({
    dialect: new SqliteDialect({ database: sqlite }),
  });
}
