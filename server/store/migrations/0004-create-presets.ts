import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("presets")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("workflow_name", "text", (column) => column.notNull())
    .addColumn("name", "text", (column) => column.notNull())
    // The name lower-cased in JavaScript, which folds all of Unicode, where
    // SQLite's NOCASE folds only ASCII letters.
    .addColumn("name_key", "text", (column) => column.notNull())
    .addColumn("workflow_parameters", "text", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();

  await db.schema
    .createIndex("presets_workflow_name_name_key_idx")
    .on("presets")
    .columns(["workflow_name", "name_key"])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("presets").execute();
}
