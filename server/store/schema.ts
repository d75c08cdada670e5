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

export interface DatabaseSchema {
  runs: RunsTable;
  presets: PresetsTable;
}
