import type Database from "better-sqlite3";

import type { RunsTable } from "../store/schema.js";

export type HistoryRow = Pick<
  RunsTable,
  | "id"
  | "created_at"
  | "end_user_heron_id"
  | "end_user_name"
  | "workflow_name"
  | "workflow_parameters"
  | "outcome"
  | "duration_ms"
  | "workflow_execution_id"
> &
  Partial<RunsTable>;

/**
 * Inserts runs straight into the table, so tests choose ids, times and
 * outcomes. Columns left out are null, or "{}" and "request" where required.
 */
export function insertRuns(
  sqlite: Database.Database,
  rows: readonly HistoryRow[],
): void {
  const insert = sqlite.prepare(`
    insert into runs (id, created_at, updated_at, end_user_heron_id,
      end_user_name, workflow_name, workflow_parameters, request_id, outcome,
      http_status, duration_ms, workflow_execution_id, workflow_id, action,
      status, execution_status, error_message, started_by_user_id,
      started_by_email, started_by_name, reason)
    values (@id, @created_at, @created_at, @end_user_heron_id,
      @end_user_name, @workflow_name, @workflow_parameters, @request_id,
      @outcome, @http_status, @duration_ms, @workflow_execution_id,
      @workflow_id, @action, @status, @execution_status, @error_message,
      @started_by_user_id, @started_by_email, @started_by_name, @reason)`);
  const insertAll = sqlite.transaction((all: readonly HistoryRow[]) => {
    for (const row of all) {
      insert.run({
        request_id: "request",
        http_status: null,
        workflow_id: null,
        action: null,
        status: null,
        execution_status: null,
        error_message: null,
        started_by_user_id: null,
        started_by_email: null,
        started_by_name: null,
        reason: null,
        ...row,
      });
    }
  });
  insertAll(rows);
}

/** Reads a CSV text as RFC 4180 describes it, into records of cells. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let index = 0;
  let quoted = false;

  while (index < text.length) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else cell += char;
      index += 1;
      continue;
    }
    if (char === '"' && cell === "") {
      quoted = true;
    } else if (char === ",") {
      record.push(cell);
      cell = "";
    } else if (char === "\r" && text[index + 1] === "\n") {
      record.push(cell);
      records.push(record);
      record = [];
      cell = "";
      index += 1;
    } else {
      if (char === '"' || char === "\r" || char === "\n") {
        throw new Error(`Unquoted ${JSON.stringify(char)} at ${index}`);
      }
      cell += char;
    }
    index += 1;
  }
  if (quoted) throw new Error("A quoted cell has no closing quote");
  if (cell !== "" || record.length > 0) {
    throw new Error("The last record does not end in CRLF");
  }
  return records;
}
