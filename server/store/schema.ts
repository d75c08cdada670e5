import type { AuditEventKind, Role } from "../contract/auth.js";
import type { RunOutcome } from "../contract/runs.js";

// Row types as the database stores them. Timestamps are UTC ISO 8601 text.

export interface RunsTable {
  id: string;
  created_at: string;
  updated_at: string;
  end_user_heron_id: string;
  end_user_name: string | null;
  workflow_name: string;
  /** The parameters JSON text exactly as sent to Heron. */
  workflow_parameters: string;
  request_id: string;
  outcome: RunOutcome;
  http_status: number | null;
  heron_response: string | null;
  action: string | null;
  status: string | null;
  workflow_execution_id: string | null;
  workflow_id: string | null;
  error_message: string | null;
  duration_ms: number | null;
  idempotency_key: string | null;
  /** SHA-256 hex of the request content an idempotency key stands for. */
  request_hash: string | null;
  /** The console's HTTP status for the start, null until it responded. */
  response_status: number | null;
  error_code: string | null;
  /** JSON text of the error's field messages. */
  error_fields: string | null;
  retry_after_seconds: number | null;
  execution_status: string | null;
  execution_status_at: string | null;
  reconciled_at: string | null;
  reconciliation_checked_at: string | null;
  reconciliation_note: string | null;
  /** Id of the staff member who started the run, null on older runs. */
  started_by_user_id: string | null;
  started_by_email: string | null;
  started_by_name: string | null;
  source_address: string | null;
  user_agent: string | null;
  reason: string | null;
}

export interface PresetsTable {
  id: string;
  workflow_name: string;
  name: string;
  /** The name NFC-normalised and lower-cased, unique per workflow. */
  name_key: string;
  /** JSON text of an object. */
  workflow_parameters: string;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  /** Lower-cased. */
  email: string;
  display_name: string;
  role: Role;
  /** scrypt$N$r$p$salt$hash, or null for single sign-on accounts. */
  password_hash: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 hex of the cookie's token; the token itself is not stored. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  absolute_expires_at: string;
  source_address: string | null;
  user_agent: string | null;
}

export interface AuditEventsTable {
  id: string;
  at: string;
  kind: AuditEventKind;
  actor_user_id: string | null;
  actor_email: string | null;
  target_user_id: string | null;
  source_address: string | null;
  user_agent: string | null;
  /** JSON text of an object. */
  detail: string | null;
}

export interface DatabaseSchema {
  runs: RunsTable;
  presets: PresetsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
}
