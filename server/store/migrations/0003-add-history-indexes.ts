import type { Kysely } from "kysely";

// Indexes for the history's filters. Each ends in (created_at, id), the
// default sort and keyset order, so a filtered first page reads only the rows
// it returns.

const INDEXES: [name: string, column: string][] = [
  ["runs_workflow_name_created_at_id_idx", "workflow_name"],
  ["runs_end_user_created_at_id_idx", "end_user_heron_id"],
  ["runs_outcome_created_at_id_idx", "outcome"],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, column] of INDEXES) {
    await db.schema
      .createIndex(name)
      .on("runs")
      .columns([column, "created_at", "id"])
      .execute();
  }
  // The outcome index above serves every query this one served.
  await db.schema.dropIndex("runs_outcome_idx").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("runs_outcome_idx")
    .on("runs")
    .column("outcome")
    .execute();
  for (const [name] of INDEXES) {
    await db.schema.dropIndex(name).execute();
  }
}
