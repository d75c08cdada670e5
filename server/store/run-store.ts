import type { Kysely, Selectable } from "kysely";

import type { Run, RunOutcome } from "../contract/runs.js";
import { createRunIdGenerator } from "./run-id.js";
import type { DatabaseSchema, RunsTable } from "./schema.js";

export interface NewRun {
  end_user_heron_id: string;
  end_user_name: string | null;
  workflow_name: string;
  /** The parameters JSON text exactly as it will be sent to Heron. */
  workflow_parameters: string;
  request_id: string;
}

export interface RunCompletion {
  outcome: Exclude<RunOutcome, "sending">;
  http_status: number | null;
  heron_response: string | null;
  action: string | null;
  status: string | null;
  workflow_execution_id: string | null;
  workflow_id: string | null;
  error_message: string | null;
  duration_ms: number | null;
}

export interface RunPage {
  runs: Run[];
  total: number;
}

export interface RunStore {
  /** Inserts a run with outcome "sending", before Heron is called. */
  createRun(run: NewRun): Promise<Run>;
  /** Records the outcome of a "sending" run. Throws when there is none. */
  completeRun(id: string, completion: RunCompletion): Promise<Run>;
  getRun(id: string): Promise<Run | null>;
  /** Lists runs newest first. `page` counts from 1. */
  listRuns(options: { page: number; pageSize: number }): Promise<RunPage>;
  close(): Promise<void>;
}

/** Creates the run store over an open, migrated database. */
export function createRunStore(
  db: Kysely<DatabaseSchema>,
  now: () => Date = () => new Date(),
): RunStore {
  const nextId = createRunIdGenerator();

  return {
    async createRun(run) {
      const createdAt = now();
      const row = await db
        .insertInto("runs")
        .values({
          ...run,
          id: nextId(createdAt.getTime()),
          created_at: createdAt.toISOString(),
          updated_at: createdAt.toISOString(),
          outcome: "sending",
          http_status: null,
          heron_response: null,
          action: null,
          status: null,
          workflow_execution_id: null,
          workflow_id: null,
          error_message: null,
          duration_ms: null,
          idempotency_key: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRun(row);
    },

    async completeRun(id, completion) {
      const row = await db
        .updateTable("runs")
        .set({ ...completion, updated_at: now().toISOString() })
        .where("id", "=", id)
        .where("outcome", "=", "sending")
        .returningAll()
        .executeTakeFirst();
      if (!row) {
        throw new Error(`Run ${id} does not exist or is already complete.`);
      }
      return toRun(row);
    },

    async getRun(id) {
      const row = await db
        .selectFrom("runs")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? toRun(row) : null;
    },

    async listRuns({ page, pageSize }) {
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
    },

    close: () => db.destroy(),
  };
}

function toRun(row: Selectable<RunsTable>): Run {
  return {
    id: row.id,
    created_at: row.created_at,
    updated_at: row.updated_at,
    end_user_heron_id: row.end_user_heron_id,
    end_user_name: row.end_user_name,
    workflow_name: row.workflow_name,
    workflow_parameters: JSON.parse(
      row.workflow_parameters,
    ) as Run["workflow_parameters"],
    request_id: row.request_id,
    outcome: row.outcome,
    http_status: row.http_status,
    heron_response: parseStoredResponse(row.heron_response),
    action: row.action,
    status: row.status,
    workflow_execution_id: row.workflow_execution_id,
    workflow_id: row.workflow_id,
    error_message: row.error_message,
    duration_ms: row.duration_ms,
  };
}

/** Returns Heron's stored response parsed when it is JSON, else the text. */
export function parseStoredResponse(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
