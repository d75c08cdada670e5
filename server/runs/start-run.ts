import { findEndUserName } from "../end-users/find-end-user-name.js";
import type { EndUserNames } from "../end-users/end-user-names.js";
import { ApiError } from "../errors.js";
import { readRuns, recordingFailed } from "./database-errors.js";
import { duplicateRunError } from "./duplicate-run-error.js";
import { hashStartRequest } from "./idempotency-key.js";
import type { InFlightStarts } from "./in-flight-starts.js";
import type { ParsedStartRequest } from "./parse-start-request.js";
import { replayStart, type StartRunResult } from "./replay-start.js";
import { sendStart, type SendStartDependencies } from "./send-start.js";
import type { RecordStartResult } from "../store/run-store.js";

export type { StartRunResult } from "./replay-start.js";

export interface StartRunDependencies extends SendStartDependencies {
  endUserNames: EndUserNames;
  inFlight: InFlightStarts;
  /** 0 turns the duplicate check off. */
  duplicateWindowMinutes: number;
  heronTimeoutMs: number;
}

/**
 * The staff member who started a run, their address and user agent. The
 * console records them with the run and never sends them to Heron.
 */
export interface RunStartContext {
  userId: string;
  email: string;
  displayName: string;
  sourceAddress: string | null;
  userAgent: string | null;
}

export interface StartRunInput extends ParsedStartRequest {
  idempotencyKey: string | null;
  requestId: string;
  startedBy: RunStartContext;
}

// How much longer than the Heron timeout a repeated key waits for the first
// request: the end user lookup (2 s) and the database's busy timeout (5 s).
const KEY_WAIT_MARGIN_MS = 7000;

/**
 * Starts a workflow once per idempotency key. A repeated key gets the first
 * request's response without a Heron call, after waiting for the first request
 * when it is still in flight. Throws ApiError 503 without calling Heron when
 * the run cannot be recorded, and 409 duplicate_run when the same end user
 * and workflow ran recently and the request does not allow a duplicate.
 */
export async function startRun(
  dependencies: StartRunDependencies,
  input: StartRunInput,
): Promise<StartRunResult> {
  const { store, inFlight } = dependencies;
  if (inFlight.closing) throw shuttingDown();

  const key = input.idempotencyKey;
  if (key === null) return startNewRun(dependencies, input, null);

  const requestHash = hashStartRequest(input);
  const waitMs = dependencies.heronTimeoutMs + KEY_WAIT_MARGIN_MS;
  const result = await inFlight.withKey(key, waitMs, async () => {
    const keyed = await readRuns(() => store.findRunByIdempotencyKey(key));
    if (keyed) return replayStart(keyed, requestHash);
    return startNewRun(dependencies, input, { key, requestHash });
  });
  if (result.ok) return result.value;

  // The first request with this key is still in flight after the wait.
  const keyed = await readRuns(() => store.findRunByIdempotencyKey(key));
  if (keyed) return replayStart(keyed, requestHash);
  throw new ApiError(
    409,
    "run_outcome_unknown",
    "A start with this Idempotency-Key is still in progress. Check the " +
      "history in a minute before sending it again.",
  );
}

async function startNewRun(
  dependencies: StartRunDependencies,
  { request, parametersJson, requestId, startedBy }: StartRunInput,
  idempotency: { key: string; requestHash: string } | null,
): Promise<StartRunResult> {
  const { store, inFlight, duplicateWindowMinutes } = dependencies;
  // Only names already known go into the new row: looking one up at Heron
  // waits until the row exists, so a database that cannot record the run
  // means no request at all reaches Heron.
  const endUserName = dependencies.endUserNames.get(request.end_user_heron_id);

  const checkDuplicates =
    request.allow_duplicate !== true && duplicateWindowMinutes > 0;
  const duplicateSince = checkDuplicates
    ? new Date(Date.now() - duplicateWindowMinutes * 60_000).toISOString()
    : null;

  let recorded: RecordStartResult;
  try {
    recorded = await store.recordStart(
      {
        end_user_heron_id: request.end_user_heron_id,
        end_user_name: endUserName,
        workflow_name: request.workflow_name,
        workflow_parameters: parametersJson,
        request_id: requestId,
        idempotency_key: idempotency?.key ?? null,
        request_hash: idempotency?.requestHash ?? null,
        started_by_user_id: startedBy.userId,
        started_by_email: startedBy.email,
        started_by_name: startedBy.displayName,
        source_address: startedBy.sourceAddress,
        user_agent: startedBy.userAgent,
        reason: request.reason ? request.reason : null,
      },
      { duplicateSince },
    );
  } catch (error) {
    // The SQLite error code (SQLITE_READONLY, SQLITE_FULL, SQLITE_BUSY...)
    // shows an administrator what to fix.
    dependencies.logger.error(
      { err: error, requestId },
      "recording a new run failed, so Heron was not called",
    );
    throw recordingFailed(error);
  }

  switch (recorded.kind) {
    case "key_used":
      // Another process recorded the key between the lookup and the insert.
      return replayStart(recorded.keyed, idempotency?.requestHash ?? "");
    case "duplicate":
      throw duplicateRunError(recorded.recent, endUserName);
    case "created": {
      const { run } = recorded;
      const naming =
        endUserName === null
          ? nameRecordedRun(dependencies, run.id, request, requestId)
          : Promise.resolve(endUserName);
      const sent = sendStart(dependencies, run, request, requestId);
      try {
        const completed = await inFlight.track(run.id, sent);
        const name = await naming;
        return {
          run: { ...completed, end_user_name: completed.end_user_name ?? name },
          replayed: false,
        };
      } finally {
        await naming;
      }
    }
  }
}

function shuttingDown(): ApiError {
  return new ApiError(
    503,
    "shutting_down",
    "The console is shutting down, so it did not start the workflow. Try " +
      "again in a minute.",
  );
}

/**
 * Looks up the end user's name at Heron while the start is in flight, and
 * records it on the run. Never throws: the name is for display only.
 */
async function nameRecordedRun(
  dependencies: StartRunDependencies,
  runId: string,
  request: StartRunInput["request"],
  requestId: string,
): Promise<string | null> {
  const name = await findEndUserName(
    dependencies,
    request.end_user_heron_id,
    requestId,
  );
  if (name === null) return null;

  try {
    await dependencies.store.recordEndUserName(runId, name);
  } catch (error) {
    dependencies.logger.warn(
      { err: error, runId, requestId },
      "recording the end user name of a run failed",
    );
  }
  return name;
}
