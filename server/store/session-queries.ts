import type { Kysely, Selectable } from "kysely";

import type { DatabaseSchema, SessionsTable } from "./schema.js";
import type { UserRecord } from "./user-queries.js";

export type SessionRecord = Selectable<SessionsTable>;

/** Inserts `session` after deleting `replaces`, in one transaction. */
export function insertSession(
  db: Kysely<DatabaseSchema>,
  session: SessionRecord,
  replaces: string | null,
): Promise<void> {
  return db.transaction().execute(async (trx) => {
    if (replaces !== null) {
      await trx.deleteFrom("sessions").where("id", "=", replaces).execute();
    }
    await trx.insertInto("sessions").values(session).execute();
  });
}

export async function findSessionWithUser(
  db: Kysely<DatabaseSchema>,
  id: string,
): Promise<{ session: SessionRecord; user: UserRecord } | null> {
  const session = await db
    .selectFrom("sessions")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!session) return null;

  const user = await db
    .selectFrom("users")
    .selectAll()
    .where("id", "=", session.user_id)
    .executeTakeFirst();
  return user ? { session, user } : null;
}

export async function touchSession(
  db: Kysely<DatabaseSchema>,
  id: string,
  lastSeenAt: string,
): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ last_seen_at: lastSeenAt })
    .where("id", "=", id)
    .execute();
}

export async function deleteSession(
  db: Kysely<DatabaseSchema>,
  id: string,
): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

/** Returns how many sessions of the user were deleted. */
export async function deleteUserSessions(
  db: Kysely<DatabaseSchema>,
  userId: string,
): Promise<number> {
  const result = await db
    .deleteFrom("sessions")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
