import { Router } from "express";

import { AuditQuerySchema, type AuditPage } from "../contract/auth.js";
import { authServicesOf } from "../auth/auth-services.js";
import { requireRole } from "../auth/guards.js";
import { parseInput } from "../http/parse-input.js";

/**
 * Creates GET /api/admin/audit: the audit trail, newest first, for admins,
 * optionally only one kind of event or the events of one account.
 */
export function adminAuditRoutes(): Router {
  const router = Router();
  router.get(
    "/api/admin/audit",
    requireRole("admin", "Reading the audit trail"),
    async (req, res) => {
      const { cursor, limit, kind, account } = parseInput(
        AuditQuerySchema,
        req.query,
        "audit query",
      );
      const { events, nextBefore } = await authServicesOf(
        req,
      ).accounts.listAudit({
        before: cursor ?? null,
        limit,
        kind,
        accountId: account,
      });
      const page: AuditPage = { events, next_cursor: nextBefore };
      res.json(page);
    },
  );
  return router;
}
