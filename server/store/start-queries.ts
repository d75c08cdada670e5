import { sql, type Kysely, type Transaction } from "kysely";

import type { Run, RunOutcome } from "../contract/runs.js";
import type {
  NewRun,
  RecentRunsFilter,
  RecordStartResult,
  RunCompletion,
  RunPage,
} from "./run-store.js";
import { toKeyedRun, toRun, toRunDetail, type KeyedRun } from "./run-rows.js";
import type { DatabaseSchema } from "./schema.js";

export interface StoreClock {
  now: () => Date;
  nextId: (nowMs: number) => string;
}

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

const LATE_ANSWER_NOTE =
  "Heron answered after the run was recorded as unknown, so its outcome " +
  "comes from that answer.";

/** Outcomes that mean the workflow runs or may run. */
const ACTIVE_OUTCOMES: readonly RunOutcome[] = [
  "started",
  "sending",
  "unknown",
];

export async function insertRun(
  db: Db,
  { now, nextId }: StoreClock,
  run: NewRun,
): Promise<Run> {
  const createdAt = now();
  const row = await db
    .insertInto("runs")
    .values({
      ...run,
      idempotency_key: run.idempotency_key ?? null,
      request_hash: run.request_hash ?? null,
      started_by_user_id: run.started_by_user_id ?? null,
      started_by_email: run.started_by_email ?? null,
      started_by_name: run.started_by_name ?? null,
      source_address: run.source_address ?? null,
      user_agent: run.user_agent ?? null,
      reason: run.reason ?? null,
      id: nextId(createdAt.getTime()),
      created_at: createdAt.toISOString(),
      updated_at: createdAt.toISOString(),
      outcome: "sending",
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRunDetail(row);
}

export function recordStart(
  db: Kysely<DatabaseSchema>,
  clock: StoreClock,
  run: NewRun,
  { duplicateSince }: { duplicateSince: string | null },
): Promise<RecordStartResult> {
  return db.transaction().execute(async (trx) => {
    if (run.idempotency_key) {
      const keyed = await findRunByIdempotencyKey(trx, run.idempotency_key);
      if (keyed) return { kind: "key_used", keyed };
    }
    if (duplicateSince !== null) {
      const [recent] = await listRecentRuns(trx, {
        end_user_heron_id: run.end_user_heron_id,
        workflow_name: run.workflow_name,
        since: duplicateSince,
      });
      if (recent) return { kind: "duplicate", recent };
    }
    return { kind: "created", run: await insertRun(trx, clock, run) };
  });
}

export async function completeRun(
  db: Db,
  { now }: StoreClock,
  id: string,
  { response, ...completion }: RunCompletion,
): Promise<Run> {
  const row = await db
    .updateTable("runs")
    .set({
      ...completion,
      response_status: response.response_status,
      error_code: response.error_code,
      error_fields: response.error_fields
        ? JSON.stringify(response.error_fields)
        : null,
      retry_after_seconds: response.retry_after_seconds,
      updated_at: now().toISOString(),
      reconciliation_note: sql<string | null>`case when outcome = 'unknown'
        then ${LATE_ANSWER_NOTE} else reconciliation_note end`,
    })
    .where("id", "=", id)
    // An unknown run can still get Heron's own response, because another
    // console process or the shutdown deadline may have given up on it
    // first, and that response is the truth. A second "unknown" keeps the
    // first message.
    .where(
      "outcome",
      "in",
      completion.outcome === "unknown" ? ["sending"] : ["sending", "unknown"],
    )
    .returningAll()
    .executeTakeFirst();
  if (!row && completion.outcome === "unknown") {
    const current = await getRun(db, id);
    if (current?.outcome === "unknown") return current;
  }
  if (!row) {
    throw new Error(`Run ${id} does not exist or is already complete.`);
  }
  return toRunDetail(row);
}

export async function getRun(db: Db, id: string): Promise<Run | null> {
  const row = await db
    .selectFrom("runs")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toRunDetail(row) : null;
}

export async function findRunByIdempotencyKey(
  db: Db,
  key: string,
): Promise<KeyedRun | null> {
  const row = await db
    .selectFrom("runs")
    .selectAll()
    .where("idempotency_key", "=", key)
    .executeTakeFirst();
  return row ? toKeyedRun(row) : null;
}

export async function listRuns(
  db: Db,
  { page, pageSize }: { page: number; pageSize: number },
): Promise<RunPage> {
  const rows = await db
    .selectFrom("runs")
    .selectAll()
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const { total } = await db
    .selectFrom("runs")
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  return { runs: rows.map(toRun), total: Number(total) };
}

export async function listRecentRuns(
  db: Db,
  filter: RecentRunsFilter,
): Promise<Run[]> {
  const rows = await db
    .selectFrom("runs")
    .selectAll()
    .where("end_user_heron_id", "=", filter.end_user_heron_id)
    .where("workflow_name", "=", filter.workflow_name)
    .where("created_at", ">=", filter.since)
    .where("outcome", "in", ACTIVE_OUTCOMES)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map(toRun);
}
