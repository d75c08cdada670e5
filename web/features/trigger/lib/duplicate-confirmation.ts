import type { DuplicateRunSummary } from "../../../../server/contract/errors";
import type {
  Run,
  RunOutcome,
  StartRunRequest,
} from "../../../../server/contract/runs";

/** A recent run of the same end user and workflow, as the review shows it. */
export interface RecentRunSummary {
  id: string;
  created_at: string;
  outcome: RunOutcome;
  execution_status: string | null;
  execution_status_at: string | null;
}

/**
 * Lists the runs a new start would repeat: the recent runs the server
 * listed, plus the run a duplicate_run error named if the list missed it
 * (it was read before that run, or could not be read).
 */
export function listRepeatedRuns(
  recent: Run[] | undefined,
  known: DuplicateRunSummary | null,
): RecentRunSummary[] {
  const runs = (recent ?? []).map(toSummary);

  if (known !== null && !runs.some((run) => run.id === known.id)) {
    runs.push({ ...known, execution_status: null, execution_status_at: null });
  }

  return runs;
}

/**
 * Returns the request to send. allow_duplicate is set only when staff
 * confirmed a repeat, so an unconfirmed start still meets the server's
 * duplicate check.
 */
export function withDuplicateChoice(
  request: StartRunRequest,
  allowDuplicate: boolean,
): StartRunRequest {
  const { allow_duplicate: _ignored, ...rest } = request;

  return allowDuplicate ? { ...rest, allow_duplicate: true } : rest;
}

function toSummary(run: Run): RecentRunSummary {
  return {
    id: run.id,
    created_at: run.created_at,
    outcome: run.outcome,
    execution_status: run.execution_status ?? null,
    execution_status_at: run.execution_status_at ?? null,
  };
}
