import type { Kysely } from "kysely";

import type { Role } from "../contract/auth.js";
import { insertAuditEvent, type AuditClock } from "./audit-queries.js";
import type { DatabaseSchema } from "./schema.js";
import {
  findUserByEmail,
  findUserByOidc,
  insertUser,
  updateUser,
  type UserClock,
  type UserRecord,
} from "./user-queries.js";

/** Claims the identity provider returned for a person signing in. */
export interface OidcProfile {
  issuer: string;
  subject: string;
  email: string;
  displayName: string;
  /** The highest role mapped from the provider's claim. */
  role: Role;
}

export type OidcUserResult =
  /** The account exists now, with the role and name from the profile. */
  | { kind: "ok"; user: UserRecord; created: boolean }
  /** An admin disabled the account: refuse the sign-in. */
  | { kind: "disabled"; user: UserRecord }
  /** A local or other provider's account already has this email. */
  | { kind: "email_taken"; email: string };

/**
 * Finds the account of a single sign-on user by issuer and subject, creating
 * it on first sign-in, and refreshes its role and name from the profile. The
 * changes and their audit events are one transaction.
 */
export function findOrCreateOidcUser(
  db: Kysely<DatabaseSchema>,
  clocks: { users: UserClock; audit: AuditClock },
  profile: OidcProfile,
): Promise<OidcUserResult> {
  const email = profile.email.trim().toLowerCase();
  const via = { method: "oidc", issuer: profile.issuer };

  return db.transaction().execute(async (trx) => {
    const existing = await findUserByOidc(trx, profile.issuer, profile.subject);
    if (existing?.disabled_at) return { kind: "disabled", user: existing };

    if (existing) {
      const changed =
        existing.role !== profile.role ||
        existing.display_name !== profile.displayName ||
        existing.email !== email;
      if (!changed) return { kind: "ok", user: existing, created: false };
      if (existing.email !== email && (await findUserByEmail(trx, email))) {
        return { kind: "email_taken", email };
      }
      const user = await updateUser(trx, clocks.users, existing.id, {
        role: profile.role,
        display_name: profile.displayName,
        email,
      });
      if (!user) throw new Error(`user ${existing.id} vanished`);
      await insertAuditEvent(trx, clocks.audit, {
        kind: "user_changed",
        target_user_id: user.id,
        actor_email: email,
        detail: {
          ...via,
          before: pickProfile(existing),
          after: pickProfile(user),
        },
      });
      return { kind: "ok", user, created: false };
    }

    const user = await insertUser(trx, clocks.users, {
      email,
      display_name: profile.displayName,
      role: profile.role,
      password_hash: null,
      oidc_issuer: profile.issuer,
      oidc_subject: profile.subject,
    });
    if (!user) return { kind: "email_taken", email };
    await insertAuditEvent(trx, clocks.audit, {
      kind: "user_created",
      target_user_id: user.id,
      actor_email: email,
      detail: { ...via, role: user.role },
    });
    return { kind: "ok", user, created: true };
  });
}

function pickProfile(user: UserRecord) {
  return {
    email: user.email,
    display_name: user.display_name,
    role: user.role,
  };
}
