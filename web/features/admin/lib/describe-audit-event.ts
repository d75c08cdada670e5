import type {
  AuditEvent,
  AuditEventKind,
} from "../../../../server/contract/auth";

const KIND_LABELS: Readonly<Record<AuditEventKind, string>> = {
  sign_in: "Signed in",
  sign_in_failed: "Sign-in failed",
  sign_out: "Signed out",
  session_expired: "Session expired",
  user_created: "Account added",
  user_changed: "Account changed",
  user_disabled: "Account disabled",
  user_enabled: "Account enabled",
  password_reset: "Password reset",
  preset_created: "Preset added",
  preset_changed: "Preset changed",
  preset_deleted: "Preset deleted",
};

/** Returns a label for an event kind, or the kind itself when it is newer than this page. */
export function auditKindLabel(kind: string): string {
  return KIND_LABELS[kind as AuditEventKind] ?? kind;
}

/** The event kinds with their labels, in the order the filter offers them. */
export const AUDIT_KIND_OPTIONS = Object.entries(KIND_LABELS).map(
  ([value, label]) => ({ value, label }),
);

/** Returns true for an event the users command-line tool recorded. */
function isFromCommandLine(event: AuditEvent): boolean {
  return event.detail?.via === "cli";
}

/**
 * Returns who caused the event: the account's email, marked as typed on a
 * failed sign-in, "Command line" with the operating-system user for the
 * users tool, "Console first start" for the first admin, or null.
 */
export function formatAuditActor(event: AuditEvent): string | null {
  // A failed sign-in keeps the email as typed, which proves nothing about
  // who typed it.
  if (event.kind === "sign_in_failed" && event.actor_email !== null) {
    return `${event.actor_email} (typed at sign-in)`;
  }
  if (event.actor_email !== null) return event.actor_email;
  if (event.detail?.first_start === true) return "Console first start";
  if (!isFromCommandLine(event)) return null;

  const osUser = event.detail?.os_user;
  return typeof osUser === "string" && osUser !== ""
    ? `Command line (${osUser})`
    : "Command line";
}

/**
 * Formats the event's detail as compact JSON text, or "" when it has none.
 * The command-line origin is left out, since formatAuditActor shows it.
 */
export function formatAuditDetail(event: AuditEvent): string {
  if (event.detail === null) return "";

  const detail = isFromCommandLine(event)
    ? Object.fromEntries(
        Object.entries(event.detail).filter(
          ([key]) => key !== "via" && key !== "os_user",
        ),
      )
    : event.detail;
  return Object.keys(detail).length === 0 ? "" : JSON.stringify(detail);
}
