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
};

/** Returns a label for an event kind, or the kind itself when it is newer than this page. */
export function auditKindLabel(kind: string): string {
  return KIND_LABELS[kind as AuditEventKind] ?? kind;
}

/** Formats the event's detail as compact JSON text, or "" when it has none. */
export function formatAuditDetail(event: AuditEvent): string {
  if (event.detail === null || Object.keys(event.detail).length === 0) {
    return "";
  }
  return JSON.stringify(event.detail);
}
