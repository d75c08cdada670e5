import { Router } from "express";

import type { StaffList } from "../contract/auth.js";
import { authServicesOf } from "../auth/auth-services.js";

/**
 * Creates GET /api/staff: every account, disabled ones included because
 * their runs stay in the history, for the "started by" filter.
 */
export function staffRoutes(): Router {
  const router = Router();
  router.get("/api/staff", async (req, res) => {
    const users = await authServicesOf(req).accounts.listUsers();
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
