import type { Run } from "../contract/runs.js";
import type { EndUserNames } from "../end-users/end-user-names.js";
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
import type { ParsedStartRequest } from "./parse-start-request.js";

export interface StartRunDependencies {
  heron: HeronClient;
  store: RunStore;
  endUserNames: EndUserNames;
  logger: Logger;
}

/**
 * Records a run, sends one start request to Heron and records what came of
 * it. Returns the started run. Throws ApiError with the run id when Heron
 * did not start the workflow or the outcome is unknown. Throws 503 without
 * calling Heron when the run cannot be recorded. Never retries the start.
 */
export async function startRun(
  dependencies: StartRunDependencies,
  { request, parametersJson }: ParsedStartRequest,
  requestId: string,
): Promise<Run> {
  const { heron, store, endUserNames } = dependencies;

  let run: Run;
  try {
    run = await store.createRun({
      end_user_heron_id: request.end_user_heron_id,
      end_user_name: endUserNames.get(request.end_user_heron_id),
      workflow_name: request.workflow_name,
      workflow_parameters: parametersJson,
      request_id: requestId,
    });
  } catch (error) {
    throw new ApiError(
      503,
      "database_unavailable",
      "The console could not record the run in its database, so it did " +
        "not start the workflow. Try again. If it fails again, ask an " +
        "administrator to check the database at DATABASE_PATH.",
      { cause: error },
    );
  }

  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);

  let result: HeronResult<StartResponse>;
  try {
    result = await heron.startWorkflowByName(
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
  });
}

/** Records a failed start and returns its ApiError, with the run id. */
async function recordFailure(
  dependencies: StartRunDependencies,
  run: Run,
  request: ParsedStartRequest["request"],
  error: unknown,
  durationMs: number,
): Promise<ApiError> {
  if (!(error instanceof HeronError)) {
    // A fault in the console itself, after the row was written, so Heron
    // may or may not have received the start.
    const message =
      "The console failed while sending the start request, so the " +
      `workflow may have started. ${CHECK_HISTORY}`;
    await complete(dependencies, run, {
      ...emptyCompletion(durationMs),
      outcome: "unknown",
      error_message: message,
    });
    return new ApiError(500, "internal", message, {
      runId: run.id,
      cause: error,
    });
  }

  const { outcome, description } = describeStartFailure(error, request);
  await complete(dependencies, run, {
    ...emptyCompletion(durationMs),
    outcome,
    http_status: error.status,
    heron_response: error.envelope
      ? JSON.stringify(error.envelope)
      : error.responseText,
    error_message: description.message,
  });
  return new ApiError(
    description.status,
    description.code,
    description.message,
    {
      ...description,
      runId: run.id,
      cause: error,
    },
  );
}

function emptyCompletion(durationMs: number): RunCompletion {
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
  };
}

/**
 * Records the completion and returns the completed run. When that write
 * fails, the Heron outcome is still true, so the caller gets it while the
 * row stays "sending". The error goes to the log with the run id.
 */
async function complete(
  { store, logger }: StartRunDependencies,
  run: Run,
  completion: RunCompletion,
): Promise<Run> {
  try {
    return await store.completeRun(run.id, completion);
  } catch (error) {
    logger.error(
      { err: error, runId: run.id, outcome: completion.outcome },
      "recording the outcome of a run failed",
    );
    return {
      ...run,
      ...completion,
      heron_response: parseStoredResponse(completion.heron_response),
      updated_at: new Date().toISOString(),
    };
  }
}
