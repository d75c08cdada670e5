import { Router, type Request } from "express";

import type { ExecutionStatusResult } from "../contract/executions.js";
import { requireRole } from "../auth/guards.js";
import { requestIdOf } from "../http/request-id.js";
import { readRuns } from "../runs/database-errors.js";
import {
  readExecutionStatus,
  type ExecutionStatusDependencies,
} from "../runs/execution-status.js";
import type { Reconciler } from "../runs/reconciler.js";
import { runNotFound } from "./runs.js";

export interface RunCheckRoutesOptions extends ExecutionStatusDependencies {
  reconciler: Reconciler;
}

/**
 * Creates the routes that ask Heron about a recorded run:
 * POST /api/runs/:id/reconcile looks for the execution of an unknown run and
 * returns the run; GET /api/runs/:id/execution returns the live status.
 */
export function runCheckRoutes(options: RunCheckRoutesOptions): Router {
  const { store, reconciler } = options;
  const router = Router();

  // The check calls Heron, which uses up the console's rate limit there.
  const checkAtHeron = requireRole("operator", "Checking a run at Heron");
  router.post(
    "/api/runs/:id/reconcile",
    checkAtHeron,
    async (req: Request<{ id: string }>, res) => {
      const { id } = req.params;
      const run = await readRuns(() => reconciler.check(id, requestIdOf(req)));
      if (!run) throw runNotFound(id);
      res.json(run);
    },
  );

  router.get("/api/runs/:id/execution", async (req, res) => {
    const { id } = req.params;
    const run = await readRuns(() => store.getRun(id));
    if (!run) throw runNotFound(id);
    const status: ExecutionStatusResult = await readExecutionStatus(
      options,
      run,
      requestIdOf(req),
    );
    res.json(status);
  });

  return router;
}
