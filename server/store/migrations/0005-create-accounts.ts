import { sql, type Kysely } from "kysely";

// Staff accounts, their server-side sessions, the audit trail, and who
// started each run and why. Runs recorded before this migration keep null in
// the new columns.

const RUN_COLUMNS = [
  "started_by_user_id",
  "started_by_email",
  "started_by_name",
  "source_address",
  "user_agent",
  "reason",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", "text", (column) => column.primaryKey())
    // Lower-cased before it is stored, so the unique index ignores case.
    .addColumn("email", "text", (column) => column.notNull().unique())
    .addColumn("display_name", "text", (column) => column.notNull())
    .addColumn("role", "text", (column) =>
      column.notNull().check(sql`role in ('viewer', 'operator', 'admin')`),
    )
    // null for single sign-on accounts, which sign in only through it.
    .addColumn("password_hash", "text")
    .addColumn("oidc_issuer", "text")
    .addColumn("oidc_subject", "text")
    .addColumn("disabled_at", "text")
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .addColumn("last_sign_in_at", "text")
    .execute();
  await db.schema
    .createIndex("users_oidc_issuer_subject_idx")
    .on("users")
    .columns(["oidc_issuer", "oidc_subject"])
    .unique()
    .execute();

  await db.schema
    .createTable("sessions")
    // SHA-256 hex of the cookie's token: a copy of the database alone
    // cannot be used to sign in.
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("user_id", "text", (column) =>
      column.notNull().references("users.id").onDelete("cascade"),
    )
    .addColumn("csrf_token", "text", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("last_seen_at", "text", (column) => column.notNull())
    .addColumn("absolute_expires_at", "text", (column) => column.notNull())
    .addColumn("source_address", "text")
    .addColumn("user_agent", "text")
    .execute();
  await db.schema
    .createIndex("sessions_user_id_idx")
    .on("sessions")
    .column("user_id")
    .execute();

  await db.schema
    .createTable("audit_events")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("at", "text", (column) => column.notNull())
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("actor_user_id", "text")
    .addColumn("actor_email", "text")
    .addColumn("target_user_id", "text")
    .addColumn("source_address", "text")
    .addColumn("user_agent", "text")
    // JSON text of an object.
    .addColumn("detail", "text")
    .execute();
  await db.schema
    .createIndex("audit_events_at_idx")
    .on("audit_events")
    .columns(["at", "id"])
    .execute();

  for (const column of RUN_COLUMNS) {
    await db.schema.alterTable("runs").addColumn(column, "text").execute();
  }
  await db.schema
    .createIndex("runs_started_by_created_at_id_idx")
    .on("runs")
    .columns(["started_by_user_id", "created_at", "id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("runs_started_by_created_at_id_idx").execute();
  for (const column of RUN_COLUMNS) {
    await db.schema.alterTable("runs").dropColumn(column).execute();
  }
  await db.schema.dropTable("audit_events").execute();
  await db.schema.dropTable("sessions").execute();
  await db.schema.dropTable("users").execute();
}
