import type { Config } from "../config.js";
import type { HeronClient } from "../heron/client.js";
import type { Logger } from "../logger.js";
import type { RunStore } from "../store/run-store.js";
import { WorkflowIds } from "../workflows/workflow-ids.js";
import { InFlightStarts } from "./in-flight-starts.js";
import { Reconciler } from "./reconciler.js";

/** State that outlives one request: starts in flight and scheduled checks. */
export interface RunServices {
  inFlight: InFlightStarts;
  reconciler: Reconciler;
}

export function createRunServices(options: {
  config: Readonly<Config>;
  heron: HeronClient;
  store: RunStore;
  logger: Logger;
}): RunServices {
  const { config, heron, store, logger } = options;
  return {
    inFlight: new InFlightStarts(),
    reconciler: new Reconciler({
      heron,
      store,
      logger,
      workflowIds: new WorkflowIds(heron),
      delaysMs: config.runs.reconcileDelaysMs,
    }),
  };
}
