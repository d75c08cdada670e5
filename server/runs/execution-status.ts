import type {
  ExecutionNode,
  ExecutionStatusResult,
} from "../contract/executions.js";
import type { Run } from "../contract/runs.js";
import { ApiError } from "../errors.js";
import type { HeronClient } from "../heron/client.js";
import { isRejectedForThisKey } from "../heron/admin-only.js";
import { HeronError } from "../heron/heron-error.js";
import type { Logger } from "../logger.js";
import type { RunStore } from "../store/run-store.js";

export interface ExecutionStatusDependencies {
  heron: HeronClient;
  store: RunStore;
  logger: Logger;
}

export const STATUS_UNAVAILABLE_REASON =
  "Status unavailable for this key: Heron's execution status endpoint is " +
  "for admin keys.";

// NOTE: Heron's contract types the status as a plain string and its docs list
// no values. The sandbox ends executions "completed" or "failed"; the other
// words are common spellings of an end state, compared in lower case.
const FINISHED_STATUSES: ReadonlySet<string> = new Set([
  "completed",
  "complete",
  "succeeded",
  "success",
  "finished",
  "done",
  "failed",
  "failure",
  "error",
  "errored",
  "cancelled",
  "canceled",
  "aborted",
  "terminated",
  "timed_out",
]);

/** Returns whether an execution status is an end state. */
export function isFinishedStatus(status: string | null): boolean {
  return status !== null && FINISHED_STATUSES.has(status.toLowerCase());
}

/**
 * Reads the run's execution status from Heron and stores it on the run.
 * Returns {available: false} when Heron rejects the key (401, 403 or 404).
 * Throws 409 when the run has no execution id, and Heron's other failures.
 */
export async function readExecutionStatus(
  { heron, store, logger }: ExecutionStatusDependencies,
  run: Run,
  requestId: string,
): Promise<ExecutionStatusResult> {
  const executionId = run.workflow_execution_id;
  if (!executionId) throw noExecutionId(run);

  let body: Awaited<ReturnType<HeronClient["getExecutionStatus"]>>["body"];
  try {
    ({ body } = await heron.getExecutionStatus(executionId, { requestId }));
  } catch (error) {
    if (error instanceof HeronError && isRejectedForThisKey(error)) {
      return { available: false, reason: STATUS_UNAVAILABLE_REASON };
    }
    throw error;
  }

  const status = body.status ?? null;
  const checkedAt = new Date().toISOString();
  try {
    await store.recordExecutionStatus(run.id, { status, at: checkedAt });
  } catch (error) {
    // The status from Heron is still true, so the caller gets it anyway.
    logger.error(
      { err: error, runId: run.id },
      "recording the execution status of a run failed",
    );
  }

  return {
    available: true,
    status,
    finished: isFinishedStatus(status),
    nodes: toNodes(body.nodes),
    checked_at: checkedAt,
  };
}

function noExecutionId(run: Run): ApiError {
  const reasons: Record<Run["outcome"], string> = {
    sending: "its start request is still being sent",
    started: "Heron's start response had none",
    rejected: "Heron rejected the start",
    failed: "the start failed",
    unknown:
      "its outcome is unknown. Check it again to look for the execution " +
      "at Heron",
  };
  return new ApiError(
    409,
    "no_execution_id",
    `Run ${run.id} has no workflow execution id, so Heron has no status ` +
      `for it: ${reasons[run.outcome]}.`,
    { runId: run.id },
  );
}

/** Lists Heron's nodes in run order when Heron gives positions. */
function toNodes(nodes: Record<string, unknown> | undefined): ExecutionNode[] {
  const entries = Object.entries(nodes ?? {}).map(([name, value], index) => {
    const node = isObject(value) ? value : {};
    const position = isObject(node.node_metadata)
      ? node.node_metadata.position
      : undefined;
    return {
      order: typeof position === "number" ? position : index,
      node: toNode(name, node),
    };
  });
  return entries.sort((a, b) => a.order - b.order).map((entry) => entry.node);
}

function toNode(name: string, node: Record<string, unknown>): ExecutionNode {
  const text = (value: unknown) =>
    typeof value === "string" ? value : undefined;
  const started = text(node.started_time);
  const finished = text(node.finished_time);
  const error = describeNodeError(node.error);
  return {
    name,
    status: text(node.status) ?? null,
    ...(started ? { started_time: started } : {}),
    ...(finished ? { finished_time: finished } : {}),
    ...(error ? { error } : {}),
  };
}

function describeNodeError(error: unknown): string | undefined {
  if (error === undefined || error === null) return undefined;
  if (typeof error === "string") return error;
  if (isObject(error) && typeof error.message === "string") {
    return error.message;
  }
  return JSON.stringify(error);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
