import type { Kysely } from "kysely";

import type { Run, RunOutcome } from "../contract/runs.js";
import { createAccountStore, type AccountStore } from "./account-store.js";
import {
  claimExecution,
  listUncheckedUnknownRuns,
  markSendingRunsUnknown,
  recordEndUserName,
  recordExecutionStatus,
  recordReconciliationCheck,
} from "./follow-up-queries.js";
import {
  createOperatorStore,
  type OperatorStore,
  type OperatorStoreOptions,
} from "./operator-store.js";
import { createRunIdGenerator } from "./run-id.js";
import type { KeyedRun, StoredResponse } from "./run-rows.js";
import type { DatabaseSchema } from "./schema.js";
import {
  completeRun,
  findRunByIdempotencyKey,
  getRun,
  insertRun,
  listRecentRuns,
  listRuns,
  recordStart,
} from "./start-queries.js";

export { parseStoredResponse } from "./run-rows.js";
export type { KeyedRun, StoredResponse } from "./run-rows.js";
export type * from "./operator-store.js";
export type * from "./account-store.js";

export interface NewRun {
  end_user_heron_id: string;
  end_user_name: string | null;
  workflow_name: string;
  /** The parameters JSON text exactly as it will be sent to Heron. */
  workflow_parameters: string;
  request_id: string;
  idempotency_key?: string | null;
  /** SHA-256 hex of the content the idempotency key stands for. */
  request_hash?: string | null;
  started_by_user_id?: string | null;
  started_by_email?: string | null;
  started_by_name?: string | null;
  source_address?: string | null;
  user_agent?: string | null;
  reason?: string | null;
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
  /** The console's response, so a repeated request gets it again. */
  response: StoredResponse;
}

export interface RunPage {
  runs: Run[];
  total: number;
}

export interface RecentRunsFilter {
  end_user_heron_id: string;
  workflow_name: string;
  /** ISO 8601 time; runs created at or after it count as recent. */
  since: string;
}

export type RecordStartResult =
  | { kind: "created"; run: Run }
  /** Another request recorded a run with the same idempotency key first. */
  | { kind: "key_used"; keyed: KeyedRun }
  /** A recent started, sending or unknown run of the same pair exists. */
  | { kind: "duplicate"; recent: Run };

/** An execution Heron lists that may be the one an unknown run started. */
export interface ExecutionCandidate {
  workflow_execution_id: string;
  workflow_id: string;
  execution_status: string | null;
  /** The reconciliation note recorded when this execution is claimed. */
  note: string;
}

export interface RunStore extends OperatorStore {
  /** Staff accounts, sessions and the audit trail, in the same database. */
  accounts: AccountStore;
  /** Inserts a run with outcome "sending", before Heron is called. */
  createRun(run: NewRun): Promise<Run>;
  /**
   * Inserts a run with outcome "sending" unless its idempotency key is taken
   * or, when `duplicateSince` is set, a recent run of the same end user and
   * workflow exists. Checks and insert are one transaction.
   */
  recordStart(
    run: NewRun,
    options: { duplicateSince: string | null },
  ): Promise<RecordStartResult>;
  /** Records the outcome of a "sending" run. Throws when there is none. */
  completeRun(id: string, completion: RunCompletion): Promise<Run>;
  getRun(id: string): Promise<Run | null>;
  findRunByIdempotencyKey(key: string): Promise<KeyedRun | null>;
  /** Lists runs newest first. `page` counts from 1. */
  listRuns(options: { page: number; pageSize: number }): Promise<RunPage>;
  /** Lists started, sending and unknown runs of one pair, newest first. */
  listRecentRuns(filter: RecentRunsFilter): Promise<Run[]>;
  /**
   * Records "sending" runs as unknown with `message`: all of them, or those
   * in `ids`. Returns the ids it changed.
   */
  markSendingRunsUnknown(
    message: string,
    ids?: readonly string[],
  ): Promise<string[]>;
  /** Lists unknown runs never checked at Heron, newest first. */
  listUncheckedUnknownRuns(limit: number): Promise<Run[]>;
  /**
   * Marks an unknown run started with the first candidate no other run has
   * claimed. Returns the claimed candidate, or null when every candidate is
   * claimed or the run is no longer unknown.
   */
  claimExecution(
    id: string,
    candidates: readonly ExecutionCandidate[],
    checkedAt: string,
  ): Promise<ExecutionCandidate | null>;
  /** Records a check that changed nothing, on a run that is still unknown. */
  recordReconciliationCheck(
    id: string,
    check: { checkedAt: string; note: string },
  ): Promise<void>;
  recordExecutionStatus(
    id: string,
    status: { status: string | null; at: string },
  ): Promise<void>;
  /** Sets the end user's name of a run that has none yet. */
  recordEndUserName(id: string, name: string): Promise<void>;
  close(): Promise<void>;
}

/** Creates the run store over an open, migrated database. */
export function createRunStore(
  db: Kysely<DatabaseSchema>,
  now: () => Date = () => new Date(),
  options: Pick<OperatorStoreOptions, "openReader"> = {},
): RunStore {
  const nextId = createRunIdGenerator();
  const clock = { now, nextId };

  return {
    ...createOperatorStore(db, { ...options, now }),
    accounts: createAccountStore(db, now),
    createRun: (run) => insertRun(db, clock, run),
    recordStart: (run, options) => recordStart(db, clock, run, options),
    completeRun: (id, completion) => completeRun(db, clock, id, completion),
    getRun: (id) => getRun(db, id),
    findRunByIdempotencyKey: (key) => findRunByIdempotencyKey(db, key),
    listRuns: (options) => listRuns(db, options),
    listRecentRuns: (filter) => listRecentRuns(db, filter),
    markSendingRunsUnknown: (message, ids) =>
      markSendingRunsUnknown(db, clock, message, ids),
    listUncheckedUnknownRuns: (limit) => listUncheckedUnknownRuns(db, limit),
    claimExecution: (id, candidates, checkedAt) =>
      claimExecution(db, id, candidates, checkedAt),
    recordReconciliationCheck: (id, check) =>
      recordReconciliationCheck(db, id, check),
    recordExecutionStatus: (id, status) =>
      recordExecutionStatus(db, id, status),
    recordEndUserName: (id, name) => recordEndUserName(db, id, name),
    close: () => db.destroy(),
  };
}
