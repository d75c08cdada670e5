import { API_ERROR_CODES, type ApiErrorCode } from "../contract/errors.js";
import type { Run } from "../contract/runs.js";
import { ApiError } from "../errors.js";
import type { KeyedRun } from "../store/run-store.js";
import { IDEMPOTENCY_KEY_HEADER } from "./idempotency-key.js";

export interface StartRunResult {
  run: Run;
  /** True when the run was recorded by an earlier request with the same key. */
  replayed: boolean;
}

/**
 * Returns or throws the response an earlier request with the same idempotency
 * key got, without calling Heron. Throws 422 idempotency_conflict when that
 * request asked for something else, and 409 run_outcome_unknown when its
 * response was never recorded.
 */
export function replayStart(
  keyed: KeyedRun,
  requestHash: string,
): StartRunResult {
  const { run, response } = keyed;

  if (keyed.request_hash !== requestHash) {
    throw new ApiError(
      422,
      "idempotency_conflict",
      `The ${IDEMPOTENCY_KEY_HEADER} was already used by run ${run.id} ` +
        `(${run.workflow_name} for ${run.end_user_heron_id}) with other ` +
        "content. Send this start with a new key.",
      { runId: run.id },
    );
  }

  if (response === null) {
    if (run.outcome === "started") return { run, replayed: true };
    throw new ApiError(
      409,
      "run_outcome_unknown",
      `This request was already sent as run ${run.id}, and the console has ` +
        `no response for it yet (outcome ${run.outcome}). Open the run in the ` +
        "history before starting the workflow again.",
      { runId: run.id },
    );
  }

  if (response.response_status >= 200 && response.response_status < 300) {
    return { run, replayed: true };
  }
  throw new ApiError(
    response.response_status,
    toErrorCode(response.error_code),
    run.error_message ?? "The first request with this key failed.",
    {
      runId: run.id,
      ...(response.error_fields ? { fields: response.error_fields } : {}),
      ...(response.retry_after_seconds !== null
        ? { retryAfterSeconds: response.retry_after_seconds }
        : {}),
    },
  );
}

function toErrorCode(code: string | null): ApiErrorCode {
  const known = API_ERROR_CODES.find((candidate) => candidate === code);
  return known ?? "internal";
}
