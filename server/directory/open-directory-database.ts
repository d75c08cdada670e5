import Database from "better-sqlite3";

import { DIRECTORY_SCHEMA } from "../store/migrations/0006-create-end-user-directory.js";

/** Milliseconds a write waits for another connection's lock to clear. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens a connection of the directory's own to the console's database, after
 * openStore has migrated it. The run store keeps its connection for runs, so
 * a sync's batches never land inside one of its transactions. ":memory:"
 * gets a private database with the directory's tables created here.
 */
export function openDirectoryDatabase(path: string): Database.Database {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  // The directory is a copy of Heron's data, so a power loss that undoes the
  // last batch costs one page fetched again, not a record.
  db.pragma("synchronous = NORMAL");
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (path === ":memory:") {
    for (const statement of DIRECTORY_SCHEMA) db.exec(statement);
  }
  return db;
}
