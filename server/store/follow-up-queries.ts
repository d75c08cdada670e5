import type { Kysely } from "kysely";

import type { Run } from "../contract/runs.js";
import type { ExecutionCandidate } from "./run-store.js";
import { toRun } from "./run-rows.js";
import type { DatabaseSchema } from "./schema.js";
import type { StoreClock } from "./start-queries.js";

// Changes to a run after its start: crash recovery, reconciliation and the
// last known execution status.

export async function markSendingRunsUnknown(
  db: Kysely<DatabaseSchema>,
  { now }: StoreClock,
  message: string,
  ids?: readonly string[],
): Promise<string[]> {
  if (ids?.length === 0) return [];
  let query = db
    .updateTable("runs")
    .set({
      outcome: "unknown",
      error_message: message,
      updated_at: now().toISOString(),
    })
    .where("outcome", "=", "sending");
  if (ids) query = query.where("id", "in", ids);
  const rows = await query.returning("id").execute();
  return rows.map((row) => row.id);
}

export async function listUncheckedUnknownRuns(
  db: Kysely<DatabaseSchema>,
  limit: number,
): Promise<Run[]> {
  const rows = await db
    .selectFrom("runs")
    .selectAll()
    .where("outcome", "=", "unknown")
    .where("reconciliation_checked_at", "is", null)
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
  return rows.map(toRun);
}

export function claimExecution(
  db: Kysely<DatabaseSchema>,
  id: string,
  candidates: readonly ExecutionCandidate[],
  checkedAt: string,
): Promise<ExecutionCandidate | null> {
  if (candidates.length === 0) return Promise.resolve(null);

  // One transaction, so two checks cannot claim the same execution.
  return db.transaction().execute(async (trx) => {
    const claimedRows = await trx
      .selectFrom("runs")
      .select("workflow_execution_id")
      .where(
        "workflow_execution_id",
        "in",
        candidates.map((candidate) => candidate.workflow_execution_id),
      )
      .where("id", "!=", id)
      .execute();
    const claimed = new Set(
      claimedRows.map((row) => row.workflow_execution_id),
    );
    const free = candidates.find(
      (candidate) => !claimed.has(candidate.workflow_execution_id),
    );
    if (!free) return null;

    const updated = await trx
      .updateTable("runs")
      .set({
        outcome: "started",
        workflow_execution_id: free.workflow_execution_id,
        workflow_id: free.workflow_id,
        execution_status: free.execution_status,
        execution_status_at: checkedAt,
        reconciled_at: checkedAt,
        reconciliation_checked_at: checkedAt,
        reconciliation_note: free.note,
        updated_at: checkedAt,
      })
      .where("id", "=", id)
      .where("outcome", "=", "unknown")
      .executeTakeFirst();
    return updated.numUpdatedRows > 0n ? free : null;
  });
}

export async function recordReconciliationCheck(
  db: Kysely<DatabaseSchema>,
  id: string,
  { checkedAt, note }: { checkedAt: string; note: string },
): Promise<void> {
  await db
    .updateTable("runs")
    .set({
      reconciliation_checked_at: checkedAt,
      reconciliation_note: note,
      updated_at: checkedAt,
    })
    .where("id", "=", id)
    .where("outcome", "=", "unknown")
    .execute();
}

export async function recordExecutionStatus(
  db: Kysely<DatabaseSchema>,
  id: string,
  { status, at }: { status: string | null; at: string },
): Promise<void> {
  await db
    .updateTable("runs")
    .set({ execution_status: status, execution_status_at: at, updated_at: at })
    .where("id", "=", id)
    .execute();
}

/** Fills in the end user's name of a run recorded without one. */
export async function recordEndUserName(
  db: Kysely<DatabaseSchema>,
  id: string,
  name: string,
): Promise<void> {
  await db
    .updateTable("runs")
    .set({ end_user_name: name })
    .where("id", "=", id)
    .where("end_user_name", "is", null)
    .execute();
}
