import { z } from "zod";

import { single } from "./history.js";

// Staff accounts, sessions, roles and the audit trail, shared by the page and
// the server.

export const ROLES = ["viewer", "operator", "admin"] as const;

export type Role = (typeof ROLES)[number];

/** Higher ranks may do everything lower ones may. */
export const ROLE_RANK: Readonly<Record<Role, number>> = {
  viewer: 0,
  operator: 1,
  admin: 2,
};

export const SESSION_COOKIE = "heron_console_session";
/** Holds the CSRF token of a browser that is not signed in yet. */
export const PRE_SESSION_CSRF_COOKIE = "heron_console_csrf";
export const CSRF_HEADER = "x-csrf-token";
/**
 * Marks a request the page sends on its own, such as a polling refresh. The
 * server does not count it as activity, so an open tab still idles out.
 */
export const BACKGROUND_REFRESH_HEADER = "x-background-refresh";

export const EMAIL_MAX = 254;
export const DISPLAY_NAME_MAX = 200;
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 1024;

// Deliberately loose: local accounts such as admin@localhost have no dot in
// their domain, and the address is an account name, never mailed to.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/;

export const EmailSchema = z
  .string({ error: "Give an email address." })
  .trim()
  .toLowerCase()
  .min(1, "Give an email address.")
  .max(EMAIL_MAX, `An email address is at most ${EMAIL_MAX} characters.`)
  .regex(EMAIL_PATTERN, "Give an email address such as name@example.com.");

export const RoleSchema = z.enum(ROLES, {
  error: `The role must be one of ${ROLES.join(", ")}.`,
});

const DisplayNameSchema = z
  .string({ error: "Give a display name." })
  .trim()
  .min(1, "Give a display name.")
  .max(
    DISPLAY_NAME_MAX,
    `A display name is at most ${DISPLAY_NAME_MAX} characters.`,
  );

export const NewPasswordSchema = z
  .string({ error: "Give a password." })
  .min(PASSWORD_MIN, `A password needs at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `A password is at most ${PASSWORD_MAX} characters.`);

export const SignInRequestSchema = z.strictObject({
  email: EmailSchema,
  password: z
    .string({ error: "Give your password." })
    .min(1, "Give your password.")
    .max(PASSWORD_MAX, `A password is at most ${PASSWORD_MAX} characters.`),
});

export type SignInRequest = z.infer<typeof SignInRequestSchema>;

export interface SessionUser {
  id: string;
  email: string;
  display_name: string;
  role: Role;
}

export interface SignInMethods {
  local: boolean;
  /** null when single sign-on is not configured. */
  oidc: { label: string } | null;
}

export interface SignedOutSession {
  signed_in: false;
  /** Send as x-csrf-token with POST /api/auth/sign-in. */
  csrf_token: string;
  methods: SignInMethods;
}

export interface SignedInSession {
  signed_in: true;
  /** Send as x-csrf-token with every POST, PATCH and DELETE. */
  csrf_token: string;
  user: SessionUser;
  /** When the session ends unless it is used before then (ISO 8601). */
  idle_expires_at: string;
  /** When the session ends however it is used (ISO 8601). */
  expires_at: string;
  methods: SignInMethods;
  settings: { reason_required: boolean };
}

export type AuthSession = SignedOutSession | SignedInSession;

/** GET /api/staff: who started at least one run, for the "started by" filter. */
export interface StaffList {
  staff: { id: string; display_name: string; email: string }[];
}

export interface AdminUser {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  /** true for accounts created by single sign-on, which have no password. */
  sso: boolean;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
}

export interface AdminUserList {
  users: AdminUser[];
}

export const CreateUserRequestSchema = z.strictObject({
  email: EmailSchema,
  display_name: DisplayNameSchema,
  role: RoleSchema,
  /** Leave it out to have the console generate one. */
  password: NewPasswordSchema.optional(),
});

export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

/** POST /api/admin/users; `password` is shown once when it was generated. */
export interface CreatedUser {
  user: AdminUser;
  password: string | null;
}

export const UpdateUserRequestSchema = z
  .strictObject({
    display_name: DisplayNameSchema.optional(),
    role: RoleSchema.optional(),
    disabled: z
      .boolean({ error: "disabled must be true or false." })
      .optional(),
  })
  .refine(
    (change) =>
      change.display_name !== undefined ||
      change.role !== undefined ||
      change.disabled !== undefined,
    { error: "Give at least one of display_name, role and disabled." },
  );

export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>;

/** POST /api/admin/users/:id/reset-password, shown once. */
export interface PasswordReset {
  password: string;
}

export const AUDIT_EVENT_KINDS = [
  "sign_in",
  "sign_in_failed",
  "sign_out",
  "session_expired",
  "user_created",
  "user_changed",
  "user_disabled",
  "user_enabled",
  "password_reset",
  "preset_created",
  "preset_changed",
  "preset_deleted",
] as const;

export type AuditEventKind = (typeof AUDIT_EVENT_KINDS)[number];

export interface AuditEvent {
  id: string;
  at: string;
  kind: AuditEventKind;
  /** null when nobody was signed in, as for a failed sign-in. */
  actor_user_id: string | null;
  /** The email as typed on a failed sign-in, else the actor's email. */
  actor_email: string | null;
  target_user_id: string | null;
  source_address: string | null;
  user_agent: string | null;
  detail: Record<string, unknown> | null;
}

export const AUDIT_LIMIT_MAX = 200;

/** The form of the ids that GET /api/admin/audit gives out as next_cursor. */
const AUDIT_CURSOR_PATTERN = /^aud_[0-9A-HJKMNP-TV-Z]{26}$/;

export const AuditQuerySchema = z.strictObject({
  /** next_cursor of the previous page; leave it out for the newest events. */
  cursor: single("cursor")
    .regex(
      AUDIT_CURSOR_PATTERN,
      "cursor is not a next_cursor of this list, which is aud_ and 26 " +
        "letters or digits. Leave it out to start again from the newest events.",
    )
    .optional(),
  /** Only events of this kind. */
  kind: single("kind")
    .pipe(
      z.enum(AUDIT_EVENT_KINDS, {
        error: `kind must be one of ${AUDIT_EVENT_KINDS.join(", ")}.`,
      }),
    )
    .optional(),
  /** Only events that this account caused or that changed it. */
  account: single("account")
    .trim()
    .min(1, "account must not be empty. Leave it out to see all accounts.")
    .max(64, "account is an account id of at most 64 characters.")
    .optional(),
  limit: z.coerce
    .number({ error: "limit must be a whole number from 1 to 200." })
    .int("limit must be a whole number from 1 to 200.")
    .min(1, "limit must be a whole number from 1 to 200.")
    .max(AUDIT_LIMIT_MAX, "limit must be a whole number from 1 to 200.")
    .default(50),
});

export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** GET /api/admin/audit, newest first. */
export interface AuditPage {
  events: AuditEvent[];
  next_cursor: string | null;
}
