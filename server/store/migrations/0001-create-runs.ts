import { sql, type Kysely } from "kysely";

// Migrations take an untyped database: they describe the schema of their own
// time, not the current one.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("runs")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .addColumn("end_user_heron_id", "text", (column) => column.notNull())
    .addColumn("end_user_name", "text")
    .addColumn("workflow_name", "text", (column) => column.notNull())
    .addColumn("workflow_parameters", "text", (column) => column.notNull())
    .addColumn("request_id", "text", (column) => column.notNull())
    .addColumn("outcome", "text", (column) =>
      column
        .notNull()
        .check(
          sql`outcome in ('sending', 'started', 'rejected', 'failed', 'unknown')`,
        ),
    )
    .addColumn("http_status", "integer")
    .addColumn("heron_response", "text")
    .addColumn("action", "text")
    .addColumn("status", "text")
    .addColumn("workflow_execution_id", "text")
    .addColumn("workflow_id", "text")
    .addColumn("error_message", "text")
    .addColumn("duration_ms", "integer")
    .addColumn("idempotency_key", "text", (column) => column.unique())
    .execute();

  await db.schema
    .createIndex("runs_created_at_id_idx")
    .on("runs")
    .columns(["created_at desc", "id desc"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("runs").execute();
}
