import type { Kysely } from "kysely";

import type { AuditEvent } from "../contract/auth.js";
import {
  insertAuditEvent,
  listAuditEvents,
  type AuditPageQuery,
  type NewAuditEvent,
} from "./audit-queries.js";
import {
  findOrCreateOidcUser,
  type OidcProfile,
  type OidcUserResult,
} from "./oidc-user-queries.js";
import { createRunIdGenerator } from "./run-id.js";
import type { DatabaseSchema } from "./schema.js";
import {
  deleteSession,
  deleteUserSessions,
  findSessionWithUser,
  insertSession,
  touchSession,
  type SessionRecord,
} from "./session-queries.js";
import {
  countUsers,
  findUserByEmail,
  findUserById,
  insertUser,
  listRunStarters,
  listUsers,
  updateUser,
  type NewUser,
  type UserChange,
  type UserRecord,
} from "./user-queries.js";

export type { NewAuditEvent } from "./audit-queries.js";
export type { OidcProfile, OidcUserResult } from "./oidc-user-queries.js";
export type { SessionRecord } from "./session-queries.js";
export type { NewUser, UserChange, UserRecord } from "./user-queries.js";

/** Staff accounts, their sessions and the audit trail. */
export interface AccountStore {
  /**
   * Inserts an account and its audit event in one transaction. Returns null
   * when another account has the email.
   */
  createUser(
    user: NewUser,
    audit: Omit<NewAuditEvent, "target_user_id">,
  ): Promise<UserRecord | null>;
  findUserByEmail(email: string): Promise<UserRecord | null>;
  findUserById(id: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  /** Lists the accounts that started at least one run. */
  listRunStarters(): Promise<UserRecord[]>;
  countUsers(): Promise<number>;
  /**
   * Changes an account and records `audit`, in one transaction. With
   * `endSessions` it also deletes every session of the account. Returns null
   * when no account has this id.
   */
  updateUser(
    id: string,
    change: UserChange,
    options?: { endSessions?: boolean; audit?: NewAuditEvent[] },
  ): Promise<UserRecord | null>;
  /** Finds or creates a single sign-on account; see OidcUserResult. */
  findOrCreateOidcUser(profile: OidcProfile): Promise<OidcUserResult>;
  /** Inserts a session, deleting the one it replaces in the same step. */
  createSession(session: SessionRecord, replaces: string | null): Promise<void>;
  findSession(
    id: string,
  ): Promise<{ session: SessionRecord; user: UserRecord } | null>;
  touchSession(id: string, lastSeenAt: string): Promise<void>;
  deleteSession(id: string): Promise<void>;
  deleteUserSessions(userId: string): Promise<number>;
  recordAudit(event: NewAuditEvent): Promise<void>;
  listAudit(
    page: AuditPageQuery,
  ): Promise<{ events: AuditEvent[]; nextBefore: string | null }>;
}

export function createAccountStore(
  db: Kysely<DatabaseSchema>,
  now: () => Date,
): AccountStore {
  const users = { now, nextId: createRunIdGenerator("usr_") };
  const audit = { now, nextId: createRunIdGenerator("aud_") };

  return {
    createUser: (user, event) =>
      db.transaction().execute(async (trx) => {
        const created = await insertUser(trx, users, user);
        if (created) {
          await insertAuditEvent(trx, audit, {
            ...event,
            target_user_id: created.id,
          });
        }
        return created;
      }),
    findUserByEmail: (email) => findUserByEmail(db, email),
    findUserById: (id) => findUserById(db, id),
    listUsers: () => listUsers(db),
    listRunStarters: () => listRunStarters(db),
    countUsers: () => countUsers(db),
    updateUser: (id, change, options = {}) =>
      db.transaction().execute(async (trx) => {
        const updated = await updateUser(trx, users, id, change);
        if (!updated) return null;
        if (options.endSessions) {
          await trx.deleteFrom("sessions").where("user_id", "=", id).execute();
        }
        for (const event of options.audit ?? []) {
          await insertAuditEvent(trx, audit, event);
        }
        return updated;
      }),
    findOrCreateOidcUser: (profile) =>
      findOrCreateOidcUser(db, { users, audit }, profile),
    createSession: (session, replaces) => insertSession(db, session, replaces),
    findSession: (id) => findSessionWithUser(db, id),
    touchSession: (id, lastSeenAt) => touchSession(db, id, lastSeenAt),
    deleteSession: (id) => deleteSession(db, id),
    deleteUserSessions: (userId) => deleteUserSessions(db, userId),
    recordAudit: (event) => insertAuditEvent(db, audit, event),
    listAudit: (page) => listAuditEvents(db, page),
  };
}
