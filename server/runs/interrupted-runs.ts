import type { Logger } from "../logger.js";
import type { RunStore } from "../store/run-store.js";
import type { Reconciler } from "./reconciler.js";

/** Most unknown runs queued for a check at start-up, newest first. */
const MAX_RUNS_CHECKED_AT_START = 100;

export const STOPPED_IN_FLIGHT_MESSAGE =
  "The console stopped while the start request was in flight, so Heron may " +
  "have started the workflow. The console looks for the execution at " +
  "Heron; read this run's note before starting it again.";

export const SHUT_DOWN_IN_FLIGHT_MESSAGE =
  "The console shut down before Heron answered the start request, so the " +
  "workflow may have started. The console looks for the execution at Heron " +
  "when it starts again; read this run's note before starting it again.";

/**
 * Records runs left "sending" by a console that stopped without finishing
 * them as unknown, then queues every unknown run never checked at Heron,
 * such as those, for reconciliation. Call once at start-up, before
 * listening, because a run sent by this process is "sending" too.
 * NOTE: this assumes one console process per database.
 */
export async function recoverInterruptedRuns(
  store: RunStore,
  reconciler: Reconciler,
  logger: Logger,
): Promise<void> {
  const recovered = await store.markSendingRunsUnknown(
    STOPPED_IN_FLIGHT_MESSAGE,
  );
  if (recovered.length > 0) {
    logger.warn(
      { runIds: recovered, count: recovered.length },
      "runs left sending when the console stopped are now unknown",
    );
  }

  const unchecked = await store.listUncheckedUnknownRuns(
    MAX_RUNS_CHECKED_AT_START,
  );
  for (const run of unchecked) reconciler.schedule(run.id);
}

/** Records the runs whose start is still in flight at shutdown as unknown. */
export async function recordAbandonedStarts(
  store: RunStore,
  runIds: readonly string[],
  logger: Logger,
): Promise<void> {
  const changed = await store.markSendingRunsUnknown(
    SHUT_DOWN_IN_FLIGHT_MESSAGE,
    runIds,
  );
  if (changed.length > 0) {
    logger.warn(
      { runIds: changed, count: changed.length },
      "starts still in flight at shutdown are recorded unknown",
    );
  }
}
