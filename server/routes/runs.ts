import { Router } from "express";

import { RecentRunsQuerySchema, type RecentRuns } from "../contract/runs.js";
import { sourceAddressOf, userAgentOf } from "../auth/audit.js";
import { requireRole } from "../auth/guards.js";
import { signedInUser } from "../auth/sessions.js";
import { limitStarts } from "../auth/limit-starts.js";
import { ApiError } from "../errors.js";
import { listRunHistory } from "../history/list-run-history.js";
import { parseInput } from "../http/parse-input.js";
import { readJsonText } from "../http/read-json-text.js";
import { requestIdOf } from "../http/request-id.js";
import { readRuns } from "../runs/database-errors.js";
import { readIdempotencyKey } from "../runs/idempotency-key.js";
import { parseStartRequest } from "../runs/parse-start-request.js";
import { startRun, type StartRunDependencies } from "../runs/start-run.js";

export interface RunRoutesOptions extends StartRunDependencies {
  maxParametersBytes: number;
  /** Whether a start must give a reason (REQUIRE_RUN_REASON). */
  requireReason: boolean;
}

/**
 * Creates POST /api/runs, which starts a workflow, and the GET routes that
 * list, search and show recorded runs.
 */
export function runRoutes(options: RunRoutesOptions): Router {
  const { store, maxParametersBytes } = options;
  const router = Router();

  router.post(
    "/api/runs",
    requireRole("operator", "Starting workflows"),
    limitStarts(),
    readJsonText(maxParametersBytes),
    async (req, res) => {
      const idempotencyKey = readIdempotencyKey(req);
      const parsed = parseStartRequest(req.body, maxParametersBytes, {
        requireReason: options.requireReason,
      });
      const user = signedInUser(req);
      const { run, replayed } = await startRun(options, {
        ...parsed,
        idempotencyKey,
        requestId: requestIdOf(req),
        startedBy: {
          userId: user.id,
          email: user.email,
          displayName: user.display_name,
          sourceAddress: sourceAddressOf(req),
          userAgent: userAgentOf(req),
        },
      });
      if (replayed) res.setHeader("idempotent-replayed", "true");
      res.status(201).location(`/api/runs/${run.id}`).json(run);
    },
  );

  router.get("/api/runs", async (req, res) => {
    res.json(await listRunHistory(store, req.query));
  });

  router.get("/api/runs/recent", async (req, res) => {
    const query = parseInput(
      RecentRunsQuerySchema,
      req.query,
      "recent runs query",
    );
    const windowMinutes = options.duplicateWindowMinutes;
    const since = new Date(Date.now() - windowMinutes * 60_000).toISOString();
    const runs =
      windowMinutes === 0
        ? []
        : await readRuns(() => store.listRecentRuns({ ...query, since }));
    const recent: RecentRuns = { runs, window_minutes: windowMinutes };
    res.json(recent);
  });

  router.get("/api/runs/:id", async (req, res) => {
    const run = await readRuns(() => store.getRun(req.params.id));
    if (!run) throw runNotFound(req.params.id);
    res.json(run);
  });

  return router;
}

/** Length up to which a not-found message repeats a run id whole. Run ids have 30 characters. */
const QUOTED_ID_MAX = 64;

export function runNotFound(id: string): ApiError {
  const quotedId =
    id.length > QUOTED_ID_MAX
      ? `${id.slice(0, QUOTED_ID_MAX)}… (${id.length} characters)`
      : id;
  return new ApiError(
    404,
    "not_found",
    `No run ${quotedId} is recorded. Check the id, or open the history to find ` +
      "the run.",
  );
}
