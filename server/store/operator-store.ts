import type { Kysely } from "kysely";

import type { RunExportQuery } from "../contract/history.js";
import type { Preset, RecentParameterSet } from "../contract/presets.js";
import type { Run } from "../contract/runs.js";
import {
  listRunHistory,
  listRunHistoryByOffset,
  streamRunExport,
  type HistoryFilters,
  type HistoryPageRequest,
  type HistoryPageRows,
  type HistorySort,
  type RunExportRow,
} from "./history-queries.js";
import {
  createPreset,
  deletePreset,
  listPresets,
  listRecentParameters,
  updatePreset,
  type NewPreset,
  type PresetChange,
  type PresetWriteResult,
} from "./preset-queries.js";
import { createRunIdGenerator } from "./run-id.js";
import type { DatabaseSchema } from "./schema.js";

export type {
  HistoryFilters,
  HistoryPageRequest,
  HistoryPageRows,
  HistoryPosition,
  HistorySort,
  RunExportRow,
} from "./history-queries.js";
export type {
  NewPreset,
  PresetChange,
  PresetWriteResult,
} from "./preset-queries.js";

/** The store's history search, CSV export and presets. */
export interface OperatorStore {
  listRunHistory(request: HistoryPageRequest): Promise<HistoryPageRows>;
  /** Lists runs by offset, with the count of all that match. */
  listRunHistoryByOffset(request: {
    filters: HistoryFilters;
    sort: HistorySort;
    offset: number;
    limit: number;
  }): Promise<{ runs: Run[]; total: number }>;
  /**
   * Streams every matching run for the CSV export. A file database is read
   * through a connection of its own, so a slow download holds no lock that
   * starts wait for.
   */
  streamRunExport(query: RunExportQuery): AsyncIterableIterator<RunExportRow>;
  listPresets(workflowName: string): Promise<Preset[]>;
  createPreset(preset: NewPreset): Promise<PresetWriteResult>;
  updatePreset(id: string, change: PresetChange): Promise<PresetWriteResult>;
  /** Returns false when no preset has this id. */
  deletePreset(id: string): Promise<Preset | null>;
  listRecentParameters(
    workflowName: string,
    limit: number,
  ): Promise<RecentParameterSet[]>;
}

export interface OperatorStoreOptions {
  now: () => Date;
  /**
   * Opens a read-only connection to the same database. Without it, exports
   * read through `db`, which keeps its single connection busy until they finish.
   */
  openReader?: () => Kysely<DatabaseSchema>;
}

export function createOperatorStore(
  db: Kysely<DatabaseSchema>,
  { now, openReader }: OperatorStoreOptions,
): OperatorStore {
  const presetClock = { now, nextId: createRunIdGenerator("preset_") };

  async function* exportRuns(
    query: RunExportQuery,
  ): AsyncGenerator<RunExportRow> {
    const reader = openReader?.();
    try {
      yield* streamRunExport(reader ?? db, query);
    } finally {
      await reader?.destroy();
    }
  }

  return {
    listRunHistory: (request) => listRunHistory(db, request),
    listRunHistoryByOffset: (request) => listRunHistoryByOffset(db, request),
    streamRunExport: exportRuns,
    listPresets: (workflowName) => listPresets(db, workflowName),
    createPreset: (preset) => createPreset(db, presetClock, preset),
    updatePreset: (id, change) => updatePreset(db, presetClock, id, change),
    deletePreset: (id) => deletePreset(db, id),
    listRecentParameters: (workflowName, limit) =>
      listRecentParameters(db, workflowName, limit),
  };
}
