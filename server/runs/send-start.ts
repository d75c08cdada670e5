import type { Run, StartRunRequest } from "../contract/runs.js";
import { ApiError } from "../errors.js";
import type { HeronClient, HeronResult } from "../heron/client.js";
import { HeronError } from "../heron/heron-error.js";
import type { StartResponse } from "../heron/types.js";
import type { Logger } from "../logger.js";
import {
  parseStoredResponse,
  type RunCompletion,
  type RunStore,
} from "../store/run-store.js";
import {
  CHECK_HISTORY,
  describeStartFailure,
} from "./describe-start-failure.js";

export interface SendStartDependencies {
  heron: HeronClient;
  store: RunStore;
  logger: Logger;
  /** Called when a run ends unknown, so it gets checked at Heron later. */
  onUnknown: (runId: string) => void;
  /** Called when Heron rejected the start because it has no such end user. */
  onEndUserNotFound?: (endUserHeronId: string) => void;
}

/**
 * Sends the one start request of a recorded run to Heron and records what
 * came of it. Returns the started run. Throws ApiError with the run id when
 * Heron did not start the workflow or the outcome is unknown. Never retries.
 */
export async function sendStart(
  dependencies: SendStartDependencies,
  run: Run,
  request: StartRunRequest,
  requestId: string,
): Promise<Run> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);

  let result: HeronResult<StartResponse>;
  try {
    result = await dependencies.heron.startWorkflowByName(
      {
        end_user_heron_id: request.end_user_heron_id,
        workflow_name: request.workflow_name,
        workflow_parameters: request.workflow_parameters,
      },
      { requestId },
    );
  } catch (error) {
    throw await recordFailure(dependencies, run, request, error, elapsed());
  }

  return complete(dependencies, run, {
    outcome: "started",
    http_status: result.status,
    heron_response: JSON.stringify(result.body),
    action: result.body.action ?? null,
    status: result.body.status ?? null,
    workflow_execution_id: result.body.workflow_execution_id ?? null,
    workflow_id: result.body.workflow_id ?? null,
    error_message: null,
    duration_ms: elapsed(),
    response: {
      response_status: 201,
      error_code: null,
      error_fields: null,
      retry_after_seconds: null,
    },
  });
}

/** Records a failed start and returns its ApiError, with the run id. */
async function recordFailure(
  dependencies: SendStartDependencies,
  run: Run,
  request: StartRunRequest,
  error: unknown,
  durationMs: number,
): Promise<ApiError> {
  if (!(error instanceof HeronError)) {
    // A fault in the console itself, after the row was written, so Heron
    // may or may not have received the start.
    const message =
      "The console failed while sending the start request, so the " +
      `workflow may have started. ${CHECK_HISTORY}`;
    const apiError = new ApiError(500, "internal", message, {
      runId: run.id,
      cause: error,
    });
    await complete(dependencies, run, {
      ...emptyCompletion(durationMs, apiError),
      outcome: "unknown",
      error_message: message,
    });
    return apiError;
  }

  const { outcome, description } = describeStartFailure(error, request);
  if (isEndUserNotFound(error)) {
    dependencies.onEndUserNotFound?.(request.end_user_heron_id);
  }
  const apiError = new ApiError(
    description.status,
    description.code,
    description.message,
    { ...description, runId: run.id, cause: error },
  );
  await complete(dependencies, run, {
    ...emptyCompletion(durationMs, apiError),
    outcome,
    http_status: error.status,
    heron_response: error.envelope
      ? JSON.stringify(error.envelope)
      : error.responseText,
    error_message: description.message,
  });
  return apiError;
}

/** Returns whether Heron's 404 names the end user, not the workflow, as missing. */
function isEndUserNotFound(error: HeronError): boolean {
  const description = error.envelope?.description;
  return (
    error.status === 404 &&
    typeof description === "string" &&
    /end user not found/i.test(description)
  );
}

function emptyCompletion(durationMs: number, error: ApiError): RunCompletion {
  return {
    outcome: "failed",
    http_status: null,
    heron_response: null,
    action: null,
    status: null,
    workflow_execution_id: null,
    workflow_id: null,
    error_message: null,
    duration_ms: durationMs,
    response: {
      response_status: error.status,
      error_code: error.code,
      error_fields: error.fields ?? null,
      retry_after_seconds: error.retryAfterSeconds ?? null,
    },
  };
}

/**
 * Records the completion and returns the completed run. When that write
 * fails, the Heron outcome is still true, so the caller gets it while the
 * row stays "sending". The error goes to the log with the run id.
 */
async function complete(
  { store, logger, onUnknown }: SendStartDependencies,
  run: Run,
  completion: RunCompletion,
): Promise<Run> {
  let completed: Run;
  try {
    completed = await store.completeRun(run.id, completion);
  } catch (error) {
    logger.error(
      { err: error, runId: run.id, outcome: completion.outcome },
      "recording the outcome of a run failed",
    );
    const { response: _response, ...fields } = completion;
    return {
      ...run,
      ...fields,
      heron_response: parseStoredResponse(fields.heron_response),
      updated_at: new Date().toISOString(),
    };
  }
  if (completed.outcome === "unknown") onUnknown(completed.id);
  return completed;
}
