import express, { Router } from "express";

import { ListRunsQuerySchema, type RunList } from "../contract/runs.js";
import { ApiError } from "../errors.js";
import { parseInput } from "../http/parse-input.js";
import { requestIdOf } from "../http/request-id.js";
import { parseStartRequest } from "../runs/parse-start-request.js";
import { startRun, type StartRunDependencies } from "../runs/start-run.js";

export interface RunRoutesOptions extends StartRunDependencies {
  maxParametersBytes: number;
  bodyLimitBytes: number;
}

/**
 * Creates POST /api/runs, which starts a workflow, and the GET routes that
 * list and show recorded runs.
 */
export function runRoutes(options: RunRoutesOptions): Router {
  const { store, maxParametersBytes, bodyLimitBytes } = options;
  const router = Router();

  // The body is read as text: only the raw text shows integers that
  // JSON.parse would silently round.
  const readJsonText = express.text({
    type: ["application/json", "application/*+json"],
    limit: bodyLimitBytes,
  });

  router.post("/api/runs", readJsonText, async (req, res) => {
    const parsed = parseStartRequest(req.body, maxParametersBytes);
    const run = await startRun(options, parsed, requestIdOf(req));
    res.status(201).location(`/api/runs/${run.id}`).json(run);
  });

  router.get("/api/runs", async (req, res) => {
    const query = parseInput(ListRunsQuerySchema, req.query, "run list query");
    const { runs, total } = await readStore(() =>
      store.listRuns({ page: query.page, pageSize: query.page_size }),
    );
    const list: RunList = {
      runs,
      page: query.page,
      page_size: query.page_size,
      total,
    };
    res.json(list);
  });

  router.get("/api/runs/:id", async (req, res) => {
    const run = await readStore(() => store.getRun(req.params.id));
    if (!run) {
      throw new ApiError(
        404,
        "not_found",
        `No run ${req.params.id} is recorded. Check the id, or open the ` +
          "history to find the run.",
      );
    }
    res.json(run);
  });

  return router;
}

async function readStore<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw new ApiError(
      503,
      "database_unavailable",
      "The console could not read the run history from its database. Try " +
        "again. If it fails again, ask an administrator to check the " +
        "database at DATABASE_PATH.",
      { cause: error },
    );
  }
}
