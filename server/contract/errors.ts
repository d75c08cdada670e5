import type { RunOutcome } from "./runs.js";

// The one error shape every console API route returns.

export const API_ERROR_CODES = [
  "validation_failed",
  "payload_too_large",
  "not_found",
  "heron_not_found",
  "heron_rejected",
  "heron_rate_limited",
  "heron_auth_failed",
  "heron_timeout",
  "heron_unavailable",
  "heron_bad_response",
  "database_unavailable",
  "internal",
  // The Idempotency-Key was used before for a start with other content.
  "idempotency_conflict",
  // A started, sending or unknown run of the same end user and workflow is
  // recent; sending allow_duplicate: true starts it anyway.
  "duplicate_run",
  // A repeated Idempotency-Key names a run whose first response was never
  // recorded, because the console stopped or is still sending it.
  "run_outcome_unknown",
  // The run has no workflow_execution_id, so Heron has no status for it.
  "no_execution_id",
  "shutting_down",
  "starting",
  // Another preset of the same workflow has this name, ignoring case.
  "preset_name_taken",
  // Someone changed the preset after the client read it (expected_updated_at).
  "preset_changed",
  // No valid session: sign in first.
  "signed_out",
  // Signed in, but the role is below what the route needs.
  "forbidden",
  // The x-csrf-token header is missing or wrong, or Origin is another site.
  "csrf_failed",
  // The same for an unknown email, a wrong password and a disabled account.
  "invalid_credentials",
  "too_many_sign_ins",
  // The staff member's per-second start limit is used up.
  "too_many_starts",
  // Another account has this email.
  "email_taken",
  // An admin tried to disable or demote their own account.
  "own_account",
  // The single sign-on provider could not be reached or sent an invalid response.
  "oidc_unavailable",
  // The account signs in through single sign-on and has no password here.
  "sso_account",
  // Single sign-on's identity provider could not be reached.
  "oidc_unavailable",
  // The account signs in through single sign-on and has no password here.
  "sso_account",
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorBody {
  error: {
    code: ApiErrorCode;
    /** A sentence for staff: what failed, on which value, what to do next. */
    message: string;
    /**
     * Messages by dotted field path, such as "workflow_name" or
     * "workflow_parameters.amount". "workflow_parameters" alone means the
     * whole parameters object.
     */
    fields?: Record<string, string[]>;
    requestId: string;
    /** The history row recorded for a failed start, when one was written. */
    runId?: string;
    /**
     * Seconds until a retry may succeed, on heron_rate_limited,
     * too_many_sign_ins and too_many_starts.
     */
    retryAfterSeconds?: number;
    /** The recent run of the same end user and workflow, on duplicate_run. */
    duplicateOf?: DuplicateRunSummary;
  };
}

export interface DuplicateRunSummary {
  id: string;
  created_at: string;
  outcome: RunOutcome;
}
