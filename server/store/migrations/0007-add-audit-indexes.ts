import type { Kysely } from "kysely";

// Indexes for the audit log's filters. Each ends in id, the page order, so a
// filtered page reads only the rows it returns. The account filter matches
// the actor or the changed account, and SQLite can serve that OR with both
// of the account indexes.

const INDEXES: [name: string, column: string][] = [
  ["audit_events_kind_id_idx", "kind"],
  ["audit_events_actor_id_idx", "actor_user_id"],
  ["audit_events_target_id_idx", "target_user_id"],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, column] of INDEXES) {
    await db.schema
      .createIndex(name)
      .on("audit_events")
      .columns([column, "id"])
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name] of INDEXES) {
    await db.schema.dropIndex(name).execute();
  }
}
