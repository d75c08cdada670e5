import { sql, type Kysely, type Selectable } from "kysely";

import type { Preset, RecentParameterSet } from "../contract/presets.js";
import type { RunOutcome } from "../contract/runs.js";
import type { DatabaseSchema, PresetsTable } from "./schema.js";
import type { StoreClock } from "./start-queries.js";

// Presets and the parameter sets of recent runs.

export interface NewPreset {
  workflow_name: string;
  name: string;
  /** JSON text of the parameters object. */
  workflow_parameters: string;
}

export interface PresetChange {
  name?: string;
  workflow_parameters?: string;
  /** The updated_at the change was made against; another one means a conflict. */
  expectedUpdatedAt?: string;
}

export type PresetWriteResult =
  | { kind: "saved"; preset: Preset }
  | { kind: "name_taken"; existing: Preset }
  | { kind: "changed"; current: Preset }
  | { kind: "not_found" };

/** Returns the key that makes names unique per workflow regardless of case. */
export function presetNameKey(name: string): string {
  return name.normalize("NFC").toLowerCase();
}

function toPreset(row: Selectable<PresetsTable>): Preset {
  return {
    id: row.id,
    workflow_name: row.workflow_name,
    name: row.name,
    workflow_parameters: JSON.parse(
      row.workflow_parameters,
    ) as Preset["workflow_parameters"],
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export async function listPresets(
  db: Kysely<DatabaseSchema>,
  workflowName: string,
): Promise<Preset[]> {
  const rows = await db
    .selectFrom("presets")
    .selectAll()
    .where("workflow_name", "=", workflowName)
    .orderBy("name_key")
    .orderBy("id")
    .execute();
  return rows.map(toPreset);
}

function findByName(
  db: Kysely<DatabaseSchema>,
  workflowName: string,
  nameKey: string,
) {
  return db
    .selectFrom("presets")
    .selectAll()
    .where("workflow_name", "=", workflowName)
    .where("name_key", "=", nameKey)
    .executeTakeFirst();
}

export function createPreset(
  db: Kysely<DatabaseSchema>,
  { now, nextId }: StoreClock,
  preset: NewPreset,
): Promise<PresetWriteResult> {
  const nameKey = presetNameKey(preset.name);
  // The name check and the insert share a transaction, so the unique index
  // is only a backstop.
  return db.transaction().execute(async (trx) => {
    const existing = await findByName(trx, preset.workflow_name, nameKey);
    if (existing) return { kind: "name_taken", existing: toPreset(existing) };

    const createdAt = now();
    const row = await trx
      .insertInto("presets")
      .values({
        ...preset,
        id: nextId(createdAt.getTime()),
        name_key: nameKey,
        created_at: createdAt.toISOString(),
        updated_at: createdAt.toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { kind: "saved", preset: toPreset(row) };
  });
}

export function updatePreset(
  db: Kysely<DatabaseSchema>,
  { now }: StoreClock,
  id: string,
  change: PresetChange,
): Promise<PresetWriteResult> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("presets")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    if (!current) return { kind: "not_found" };
    if (
      change.expectedUpdatedAt !== undefined &&
      change.expectedUpdatedAt !== current.updated_at
    ) {
      return { kind: "changed", current: toPreset(current) };
    }

    const nameKey =
      change.name === undefined ? current.name_key : presetNameKey(change.name);
    const existing = await findByName(trx, current.workflow_name, nameKey);
    if (existing && existing.id !== id) {
      return { kind: "name_taken", existing: toPreset(existing) };
    }

    const row = await trx
      .updateTable("presets")
      .set({
        ...(change.name === undefined
          ? {}
          : { name: change.name, name_key: nameKey }),
        ...(change.workflow_parameters === undefined
          ? {}
          : { workflow_parameters: change.workflow_parameters }),
        updated_at: laterThan(current.updated_at, now()),
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { kind: "saved", preset: toPreset(row) };
  });
}

/**
 * Returns `now` as ISO text, or one millisecond after `previous` when the
 * clock has not passed it. Every change then gets a new updated_at, so
 * expected_updated_at detects every change.
 */
function laterThan(previous: string, now: Date): string {
  const previousMs = Date.parse(previous);
  return new Date(Math.max(now.getTime(), previousMs + 1)).toISOString();
}

/** Deletes a preset and returns it, or null when no preset has this id. */
export async function deletePreset(
  db: Kysely<DatabaseSchema>,
  id: string,
): Promise<Preset | null> {
  const row = await db
    .deleteFrom("presets")
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
  return row ? toPreset(row) : null;
}

interface RecentParametersRow {
  workflow_parameters: string;
  last_used_at: string;
  last_run_id: string;
  last_outcome: RunOutcome;
}

/**
 * Lists the newest `limit` distinct parameter texts of a workflow's runs.
 * SQLite fills the bare columns id and outcome from the row with
 * max(created_at), so they describe the newest run of each set.
 */
export async function listRecentParameters(
  db: Kysely<DatabaseSchema>,
  workflowName: string,
  limit: number,
): Promise<RecentParameterSet[]> {
  const { rows } = await sql<RecentParametersRow>`
    select workflow_parameters,
      max(created_at) as last_used_at,
      id as last_run_id,
      outcome as last_outcome
    from runs
    where workflow_name = ${workflowName}
    group by workflow_parameters
    order by last_used_at desc, last_run_id desc
    limit ${limit}`.execute(db);
  return rows.map((row) => ({
    workflow_parameters: JSON.parse(
      row.workflow_parameters,
    ) as RecentParameterSet["workflow_parameters"],
    last_used_at: row.last_used_at,
    last_run_id: row.last_run_id,
    last_outcome: row.last_outcome,
  }));
}
