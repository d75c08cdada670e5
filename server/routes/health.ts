import { Router } from "express";

import type { Health } from "../contract/heron-data.js";
import { VERSION } from "../version.js";

/** Creates GET /api/health, which calls neither Heron nor the database. */
export function healthRoutes(heronMode: Health["heron_mode"]): Router {
  const router = Router();
  router.get("/api/health", (_req, res) => {
    const health: Health = {
      status: "ok",
      heron_mode: heronMode,
      version: VERSION,
    };
    res.json(health);
  });
  return router;
}
