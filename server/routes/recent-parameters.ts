import { Router } from "express";
import { z } from "zod";

import {
  RECENT_PARAMETER_SETS_MAX,
  type RecentParameters,
} from "../contract/presets.js";
import { WORKFLOW_NAME_MAX } from "../contract/runs.js";
import { parseInput } from "../http/parse-input.js";
import { readRuns } from "../runs/database-errors.js";
import type { RunStore } from "../store/run-store.js";

const WorkflowNameParamsSchema = z.object({
  name: z
    .string()
    .min(1, "Give the workflow name.")
    .max(WORKFLOW_NAME_MAX, "A workflow name is at most 255 characters."),
});

/** Creates GET /api/workflows/:name/recent-parameters. */
export function recentParameterRoutes(store: RunStore): Router {
  const router = Router();

  router.get("/api/workflows/:name/recent-parameters", async (req, res) => {
    const { name } = parseInput(
      WorkflowNameParamsSchema,
      req.params,
      "workflow name",
    );
    parseInput(z.strictObject({}), req.query, "recent parameters query");
    const sets = await readRuns(() =>
      store.listRecentParameters(name, RECENT_PARAMETER_SETS_MAX),
    );
    const recent: RecentParameters = { parameter_sets: sets };
    res.json(recent);
  });

  return router;
}
