import { Router } from "express";

import type { HeronRateLimits } from "../contract/heron-data.js";
import type { HeronClient } from "../heron/client.js";

/**
 * GET /api/heron/rate-limits: Heron's last reported window per operation,
 * from the console's own calls. It calls neither Heron nor the database.
 */
export function heronRateLimitRoutes(heron: HeronClient): Router {
  const router = Router();
  router.get("/api/heron/rate-limits", (_req, res) => {
    const body: HeronRateLimits = { rate_limits: heron.rateLimits() };
    res.json(body);
  });
  return router;
}
