import type { Kysely } from "kysely";

// Columns that let a repeated Idempotency-Key get the first response back, and
// that record what later checks at Heron found out about a run.

const COLUMNS: [name: string, type: "text" | "integer"][] = [
  // SHA-256 of the end user, workflow name and parameters JSON text.
  ["request_hash", "text"],
  // The console's own HTTP response to the start, for replays.
  ["response_status", "integer"],
  ["error_code", "text"],
  ["error_fields", "text"],
  ["retry_after_seconds", "integer"],
  ["execution_status", "text"],
  ["execution_status_at", "text"],
  ["reconciled_at", "text"],
  ["reconciliation_checked_at", "text"],
  ["reconciliation_note", "text"],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, type] of COLUMNS) {
    await db.schema.alterTable("runs").addColumn(name, type).execute();
  }

  // For the duplicate check and GET /api/runs/recent.
  await db.schema
    .createIndex("runs_end_user_workflow_created_at_idx")
    .on("runs")
    .columns(["end_user_heron_id", "workflow_name", "created_at"])
    .execute();
  // For reconciliation, which looks up runs by execution id and outcome.
  await db.schema
    .createIndex("runs_workflow_execution_id_idx")
    .on("runs")
    .column("workflow_execution_id")
    .execute();
  await db.schema
    .createIndex("runs_outcome_idx")
    .on("runs")
    .column("outcome")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("runs_outcome_idx").execute();
  await db.schema.dropIndex("runs_workflow_execution_id_idx").execute();
  await db.schema.dropIndex("runs_end_user_workflow_created_at_idx").execute();
  for (const [name] of [...COLUMNS].reverse()) {
    await db.schema.alterTable("runs").dropColumn(name).execute();
  }
}
