import type { Run } from "../contract/runs.js";
import type { HeronClient } from "../heron/client.js";
import { isRejectedForThisKey } from "../heron/admin-only.js";
import { HeronError } from "../heron/heron-error.js";
import type { Execution } from "../heron/types.js";
import type { ExecutionCandidate, RunStore } from "../store/run-store.js";
import type { WorkflowIds } from "../workflows/workflow-ids.js";
import { parseHeronTime } from "./heron-time.js";

/**
 * How long before the run's created_at an execution may have been created
 * and still belong to it, for clocks of the console and Heron that differ.
 */
export const CLOCK_SKEW_MS = 5000;

export interface ReconcileDependencies {
  heron: HeronClient;
  store: RunStore;
  workflowIds: WorkflowIds;
  now?: () => Date;
}

export type ReconcileResult =
  "started" | "not_found" | "unavailable" | "failed";

/**
 * Looks for the execution an unknown run may have started and records what
 * it found. An execution of the run's workflow and end user, created at or
 * after the run (less CLOCK_SKEW_MS) and not claimed by another run, makes
 * the run started. Heron errors become a note on the run, never a throw;
 * database errors are thrown.
 * NOTE: two unknown runs of the same end user and workflow cannot be
 * distinguished, so the one checked first claims the oldest matching
 * execution.
 */
export async function reconcileRun(
  dependencies: ReconcileDependencies,
  run: Run,
  requestId: string,
): Promise<ReconcileResult> {
  const { heron, store, workflowIds } = dependencies;
  const checkedAt = (dependencies.now ?? (() => new Date()))().toISOString();
  const context = { requestId };
  const record = async (result: ReconcileResult, note: string) => {
    await store.recordReconciliationCheck(run.id, { checkedAt, note });
    return result;
  };

  let workflowHeronId = run.workflow_id;
  try {
    workflowHeronId ??= await workflowIds.find(run.workflow_name, context);
  } catch (error) {
    if (!(error instanceof HeronError)) throw error;
    return record("failed", checkFailedNote(error, checkedAt));
  }
  if (workflowHeronId === null) {
    return record(
      "not_found",
      `Heron listed no workflow named "${run.workflow_name}" at ` +
        `${checkedAt}, so the console could not look for the execution. ` +
        BEFORE_STARTING_AGAIN,
    );
  }

  let executions: Execution[];
  try {
    const listed = await heron.listExecutions(
      workflowHeronId,
      run.end_user_heron_id,
      context,
    );
    executions = listed.body;
  } catch (error) {
    if (!(error instanceof HeronError)) throw error;
    if (isRejectedForThisKey(error)) {
      return record(
        "unavailable",
        `Execution list unavailable for this key: Heron responded ` +
          `${error.status} at ${checkedAt}, so the console cannot tell ` +
          `whether the workflow started. ${BEFORE_STARTING_AGAIN}`,
      );
    }
    return record("failed", checkFailedNote(error, checkedAt));
  }

  const candidates = findCandidates(
    run,
    workflowHeronId,
    executions,
    checkedAt,
  );
  const claimed = await store.claimExecution(run.id, candidates, checkedAt);
  if (claimed) return "started";

  return record(
    "not_found",
    `No matching execution at ${checkedAt}: Heron listed ` +
      `${executions.length} execution(s) of this workflow for this end ` +
      `user, none created after the run was recorded and unclaimed by ` +
      `other runs. ${BEFORE_STARTING_AGAIN}`,
  );
}

const BEFORE_STARTING_AGAIN =
  "Before starting it again, look in Heron's dashboard at the executions " +
  "of this workflow for this end user, because it may have started.";

function checkFailedNote(error: HeronError, checkedAt: string): string {
  return (
    `Checking at Heron failed at ${checkedAt} (${error.message}). Press ` +
    `check again in a minute. ${BEFORE_STARTING_AGAIN}`
  );
}

/** Executions that may be the run's, oldest first. */
function findCandidates(
  run: Run,
  workflowHeronId: string,
  executions: Execution[],
  checkedAt: string,
): ExecutionCandidate[] {
  const earliest = Date.parse(run.created_at) - CLOCK_SKEW_MS;
  return executions
    .flatMap((execution) => {
      const createdMs = parseHeronTime(
        execution.created ?? execution.started_at,
      );
      if (!execution.heron_id || createdMs === null || createdMs < earliest) {
        return [];
      }
      const created = new Date(createdMs).toISOString();
      const candidate: ExecutionCandidate = {
        workflow_execution_id: execution.heron_id,
        workflow_id: workflowHeronId,
        execution_status: execution.status ?? null,
        note:
          `Reconciled at ${checkedAt}: Heron lists execution ` +
          `${execution.heron_id} of this workflow for this end user, ` +
          `created at ${created}, after the run was recorded.`,
      };
      return [{ createdMs, candidate }];
    })
    .sort((a, b) => a.createdMs - b.createdMs)
    .map(({ candidate }) => candidate);
}
