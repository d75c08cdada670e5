import type { Selectable } from "kysely";

import type { Run } from "../contract/runs.js";
import type { RunsTable } from "./schema.js";

export type RunRow = Selectable<RunsTable>;

/** The console's first HTTP response to a start, kept for replays. */
export interface StoredResponse {
  response_status: number;
  error_code: string | null;
  error_fields: Record<string, string[]> | null;
  retry_after_seconds: number | null;
}

/** A run found by its idempotency key, with what a replay needs. */
export interface KeyedRun {
  run: Run;
  request_hash: string | null;
  /** null when the console never recorded a response to the start. */
  response: StoredResponse | null;
}

export function toRun(row: RunRow): Run {
  return {
    id: row.id,
    created_at: row.created_at,
    updated_at: row.updated_at,
    end_user_heron_id: row.end_user_heron_id,
    end_user_name: row.end_user_name,
    workflow_name: row.workflow_name,
    workflow_parameters: JSON.parse(
      row.workflow_parameters,
    ) as Run["workflow_parameters"],
    request_id: row.request_id,
    outcome: row.outcome,
    http_status: row.http_status,
    heron_response: parseStoredResponse(row.heron_response),
    action: row.action,
    status: row.status,
    workflow_execution_id: row.workflow_execution_id,
    workflow_id: row.workflow_id,
    error_message: row.error_message,
    duration_ms: row.duration_ms,
    execution_status: row.execution_status,
    execution_status_at: row.execution_status_at,
    reconciled_at: row.reconciled_at,
    reconciliation_checked_at: row.reconciliation_checked_at,
    reconciliation_note: row.reconciliation_note,
    started_by: row.started_by_user_id
      ? {
          id: row.started_by_user_id,
          email: row.started_by_email ?? "",
          display_name: row.started_by_name ?? "",
        }
      : null,
    reason: row.reason,
  };
}

/** Converts a row to a run with the starter's address and user agent. */
export function toRunDetail(row: RunRow): Run {
  return {
    ...toRun(row),
    source_address: row.source_address,
    user_agent: row.user_agent,
  };
}

export function toKeyedRun(row: RunRow): KeyedRun {
  return {
    run: toRunDetail(row),
    request_hash: row.request_hash,
    response:
      row.response_status === null
        ? null
        : {
            response_status: row.response_status,
            error_code: row.error_code,
            error_fields: parseFields(row.error_fields),
            retry_after_seconds: row.retry_after_seconds,
          },
  };
}

/** Returns Heron's stored response parsed when it is JSON, else the text. */
export function parseStoredResponse(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function parseFields(text: string | null): Record<string, string[]> | null {
  if (text === null) return null;
  return JSON.parse(text) as Record<string, string[]>;
}
