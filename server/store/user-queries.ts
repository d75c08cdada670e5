import type { Insertable, Kysely, Selectable, Transaction } from "kysely";

import type { Role } from "../contract/auth.js";
import type { DatabaseSchema, UsersTable } from "./schema.js";

export type UserRecord = Selectable<UsersTable>;

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

export interface NewUser {
  email: string;
  display_name: string;
  role: Role;
  password_hash: string | null;
  oidc_issuer?: string | null;
  oidc_subject?: string | null;
}

export type UserChange = Partial<
  Pick<
    UsersTable,
    | "display_name"
    | "role"
    | "password_hash"
    | "disabled_at"
    | "last_sign_in_at"
    | "email"
  >
>;

export interface UserClock {
  now: () => Date;
  nextId: (nowMs: number) => string;
}

/** Returns null when another account has the email already. */
export async function insertUser(
  db: Db,
  { now, nextId }: UserClock,
  user: NewUser,
): Promise<UserRecord | null> {
  const taken = await findUserByEmail(db, user.email);
  if (taken) return null;

  const createdAt = now();
  const row: Insertable<UsersTable> = {
    id: nextId(createdAt.getTime()),
    email: user.email.toLowerCase(),
    display_name: user.display_name,
    role: user.role,
    password_hash: user.password_hash,
    oidc_issuer: user.oidc_issuer ?? null,
    oidc_subject: user.oidc_subject ?? null,
    disabled_at: null,
    created_at: createdAt.toISOString(),
    updated_at: createdAt.toISOString(),
    last_sign_in_at: null,
  };
  return db
    .insertInto("users")
    .values(row)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findUserByEmail(
  db: Db,
  email: string,
): Promise<UserRecord | null> {
  const row = await db
    .selectFrom("users")
    .selectAll()
    .where("email", "=", email.toLowerCase())
    .executeTakeFirst();
  return row ?? null;
}

export async function findUserById(
  db: Db,
  id: string,
): Promise<UserRecord | null> {
  const row = await db
    .selectFrom("users")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row ?? null;
}

export async function findUserByOidc(
  db: Db,
  issuer: string,
  subject: string,
): Promise<UserRecord | null> {
  const row = await db
    .selectFrom("users")
    .selectAll()
    .where("oidc_issuer", "=", issuer)
    .where("oidc_subject", "=", subject)
    .executeTakeFirst();
  return row ?? null;
}

/** Lists every account, ordered by email. */
export function listUsers(db: Db): Promise<UserRecord[]> {
  return db.selectFrom("users").selectAll().orderBy("email").execute();
}

/**
 * Lists the accounts that started at least one run, disabled ones included,
 * ordered by email. Each lookup uses the runs' started-by index.
 */
export function listRunStarters(db: Db): Promise<UserRecord[]> {
  return db
    .selectFrom("users")
    .selectAll()
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("runs")
          .select("runs.id")
          .whereRef("runs.started_by_user_id", "=", "users.id"),
      ),
    )
    .orderBy("email")
    .execute();
}

export async function countUsers(db: Db): Promise<number> {
  const { total } = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  return Number(total);
}

/** Returns null when no account has this id. */
export async function updateUser(
  db: Db,
  { now }: Pick<UserClock, "now">,
  id: string,
  change: UserChange,
): Promise<UserRecord | null> {
  const row = await db
    .updateTable("users")
    .set({ ...change, updated_at: now().toISOString() })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}
