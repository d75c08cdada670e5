import type { AdminUser, Role } from "../contract/auth.js";
import type {
  AccountStore,
  NewAuditEvent,
  UserRecord,
} from "../store/account-store.js";
import { generatePassword, hashPassword } from "./passwords.js";

/** Converts an account to what admins see, without its password hash. */
export function toAdminUser(user: UserRecord): AdminUser {
  return {
    id: user.id,
    email: user.email,
    display_name: user.display_name,
    role: user.role,
    sso: user.oidc_issuer !== null,
    disabled_at: user.disabled_at,
    created_at: user.created_at,
    updated_at: user.updated_at,
    last_sign_in_at: user.last_sign_in_at,
  };
}

export interface NewLocalUser {
  email: string;
  displayName: string;
  role: Role;
  /** null generates one, which is returned once. */
  password: string | null;
}

export type CreateLocalUserResult =
  | { kind: "created"; user: UserRecord; generatedPassword: string | null }
  | { kind: "email_taken" };

/** Creates a local account with a hashed password and its audit event. */
export async function createLocalUser(
  accounts: AccountStore,
  newUser: NewLocalUser,
  audit: Omit<NewAuditEvent, "kind" | "target_user_id">,
): Promise<CreateLocalUserResult> {
  const generatedPassword =
    newUser.password === null ? generatePassword() : null;
  const password = newUser.password ?? generatedPassword ?? "";
  const user = await accounts.createUser(
    {
      email: newUser.email,
      display_name: newUser.displayName,
      role: newUser.role,
      password_hash: await hashPassword(password),
    },
    {
      ...audit,
      kind: "user_created",
      detail: { method: "local", role: newUser.role, ...audit.detail },
    },
  );
  if (!user) return { kind: "email_taken" };
  return { kind: "created", user, generatedPassword };
}

/** Makes a display name from an email's local part, as "ada.lovelace". */
export function nameFromEmail(email: string): string {
  return email.split("@")[0] || email;
}
