import { Router } from "express";

import { requireRole } from "../auth/guards.js";
import {
  END_USER_SEARCH_MAX_LENGTH,
  EndUserSearchQuerySchema,
  type EndUserDirectoryStatus,
} from "../contract/heron-data.js";
import type { EndUserDirectory } from "../directory/end-user-directory.js";
import type { EndUserNames } from "../end-users/end-user-names.js";
import { ApiError } from "../errors.js";
import { parseInput } from "../http/parse-input.js";
import { requestIdOf } from "../http/request-id.js";

/**
 * GET /api/end-users?search= finds end users in the console's directory.
 * GET /api/end-users/directory returns the directory's sync status, and
 * POST /api/end-users/directory/refresh starts a refresh from Heron.
 */
export function endUserRoutes(
  directory: EndUserDirectory,
  endUserNames: EndUserNames,
): Router {
  const router = Router();

  router.get("/api/end-users", async (req, res) => {
    rejectLongSearch(req.query.search);
    const { search } = parseInput(
      EndUserSearchQuerySchema,
      req.query,
      "search",
    );
    const result = await directory.search(search, {
      requestId: requestIdOf(req),
    });
    for (const user of result.end_users) {
      endUserNames.remember(user.heron_id, user.name);
    }
    res.json(result);
  });

  router.get("/api/end-users/directory", (_req, res) => {
    const body: EndUserDirectoryStatus = directory.status();
    res.json(body);
  });

  router.post(
    "/api/end-users/directory/refresh",
    requireRole("admin", "Refreshing the end-user directory"),
    (_req, res) => {
      // A full sync, because admins request a refresh after a change at
      // Heron, and only a full sync finds deletions.
      void directory.runNow({ full: true });
      const body: EndUserDirectoryStatus = directory.status();
      res.status(202).json(body);
    },
  );
  return router;
}

/**
 * Rejects search text longer than any id or name with 422, so the caller
 * learns the limit rather than getting no matches.
 */
function rejectLongSearch(search: unknown): void {
  if (typeof search !== "string") return;
  const length = search.trim().length;
  if (length <= END_USER_SEARCH_MAX_LENGTH) return;

  const message =
    `Search text can be at most ${END_USER_SEARCH_MAX_LENGTH} characters ` +
    `long, and this one has ${length}. Shorten it to a name or an id.`;
  throw new ApiError(422, "validation_failed", message, {
    fields: { search: [message] },
  });
}
