import { randomUUID } from "node:crypto";

import type { Run } from "../contract/runs.js";
import type { Logger } from "../logger.js";
import { reconcileRun, type ReconcileDependencies } from "./reconcile-run.js";

export interface ReconcilerOptions extends ReconcileDependencies {
  logger: Logger;
  /** Delays after schedule() at which the run is checked. */
  delaysMs: readonly number[];
}

/**
 * Checks unknown runs at Heron: on a timer after they become unknown, and on
 * demand. Checks of one run never overlap. Timers are unref'd, so they never
 * keep the process alive, and close() cancels them.
 */
export class Reconciler {
  readonly #options: ReconcilerOptions;
  readonly #timers = new Map<string, Set<NodeJS.Timeout>>();
  readonly #checks = new Map<string, Promise<Run | null>>();
  #closed = false;

  constructor(options: ReconcilerOptions) {
    this.#options = options;
  }

  /** Schedules the automatic checks of run `runId`. */
  schedule(runId: string): void {
    if (this.#closed) return;
    for (const delayMs of this.#options.delaysMs) {
      const timers = this.#timers.get(runId) ?? new Set();
      this.#timers.set(runId, timers);
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (timers.size === 0) this.#timers.delete(runId);
        void this.#checkInBackground(runId);
      }, delayMs);
      timer.unref();
      timers.add(timer);
    }
  }

  /**
   * Checks run `runId` now, unless it is not unknown. Returns the run as
   * recorded afterwards, or null when there is no such run. Throws on
   * database errors.
   */
  check(runId: string, requestId: string): Promise<Run | null> {
    const running = this.#checks.get(runId);
    if (running) return running;

    const check = this.#checkNow(runId, requestId).finally(() => {
      this.#checks.delete(runId);
    });
    this.#checks.set(runId, check);
    return check;
  }

  /** Cancels every scheduled check; checks already running finish. */
  close(): void {
    this.#closed = true;
    for (const timers of this.#timers.values()) {
      for (const timer of timers) clearTimeout(timer);
    }
    this.#timers.clear();
  }

  async #checkNow(runId: string, requestId: string): Promise<Run | null> {
    const { store, logger } = this.#options;
    const run = await store.getRun(runId);
    if (!run || run.outcome !== "unknown") return run;

    const result = await reconcileRun(this.#options, run, requestId);
    logger.info({ runId, requestId, result }, "unknown run checked at Heron");
    const after = await store.getRun(runId);
    if (after?.outcome !== "unknown") this.#cancel(runId);
    return after;
  }

  async #checkInBackground(runId: string): Promise<void> {
    try {
      await this.check(runId, randomUUID());
    } catch (error) {
      this.#options.logger.error(
        { err: error, runId },
        "checking an unknown run at Heron failed",
      );
    }
  }

  #cancel(runId: string): void {
    for (const timer of this.#timers.get(runId) ?? []) clearTimeout(timer);
    this.#timers.delete(runId);
  }
}
