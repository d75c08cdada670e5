import { Router } from "express";

import type { StaffList } from "../contract/auth.js";
import { authServicesOf } from "../auth/auth-services.js";

/**
 * Creates GET /api/staff: the accounts that started at least one run,
 * disabled ones included, for the "started by" filter. A viewer learns no
 * email that the history does not already show.
 */
export function staffRoutes(): Router {
  const router = Router();
  router.get("/api/staff", async (req, res) => {
    const users = await authServicesOf(req).accounts.listRunStarters();
    const body: StaffList = {
      staff: users.map(({ id, display_name, email }) => ({
        id,
        display_name,
        email,
      })),
    };
    res.json(body);
  });
  return router;
}
