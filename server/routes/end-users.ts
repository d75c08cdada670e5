import { Router } from "express";

import { EndUserSearchQuerySchema } from "../contract/heron-data.js";
import type { EndUserNames } from "../end-users/end-user-names.js";
import { searchEndUsers } from "../end-users/search-end-users.js";
import type { HeronClient } from "../heron/client.js";
import { parseInput } from "../http/parse-input.js";
import { requestIdOf } from "../http/request-id.js";

/** GET /api/end-users?search=: finds end users at Heron. */
export function endUserRoutes(
  heron: HeronClient,
  endUserNames: EndUserNames,
): Router {
  const router = Router();
  router.get("/api/end-users", async (req, res) => {
    const { search } = parseInput(
      EndUserSearchQuerySchema,
      req.query,
      "search",
    );
    const result = await searchEndUsers(heron, endUserNames, search, {
      requestId: requestIdOf(req),
    });
    res.json(result);
  });
  return router;
}
