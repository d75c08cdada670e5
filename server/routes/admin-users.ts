import express, { Router, type Request } from "express";

import {
  CreateUserRequestSchema,
  ROLE_RANK,
  UpdateUserRequestSchema,
  type AdminUserList,
  type CreatedUser,
  type PasswordReset,
  type UpdateUserRequest,
} from "../contract/auth.js";
import { ApiError } from "../errors.js";
import { auditOrigin } from "../auth/audit.js";
import { authServicesOf } from "../auth/auth-services.js";
import { requireRole } from "../auth/guards.js";
import { generatePassword, hashPassword } from "../auth/passwords.js";
import { currentUser } from "../auth/sessions.js";
import { createLocalUser, toAdminUser } from "../auth/users.js";
import { parseInput } from "../http/parse-input.js";
import type {
  NewAuditEvent,
  UserChange,
  UserRecord,
} from "../store/account-store.js";

const MANAGING_USERS = "Managing users";

/** Creates the admin-only routes under /api/admin/users. */
export function adminUserRoutes(): Router {
  const router = Router();
  const readJson = express.json({ limit: "16kb" });
  const adminOnly = requireRole("admin", MANAGING_USERS);

  router.get("/api/admin/users", adminOnly, async (req, res) => {
    const users = await authServicesOf(req).accounts.listUsers();
    const body: AdminUserList = { users: users.map(toAdminUser) };
    res.json(body);
  });

  router.post("/api/admin/users", adminOnly, readJson, async (req, res) => {
    const input = parseInput(CreateUserRequestSchema, req.body ?? {}, "user");
    const result = await createLocalUser(
      authServicesOf(req).accounts,
      {
        email: input.email,
        displayName: input.display_name,
        role: input.role,
        password: input.password ?? null,
      },
      auditOrigin(req),
    );
    if (result.kind === "email_taken") throw emailTaken(input.email);
    const body: CreatedUser = {
      user: toAdminUser(result.user),
      password: result.generatedPassword,
    };
    res.status(201).location(`/api/admin/users/${result.user.id}`).json(body);
  });

  router.patch(
    "/api/admin/users/:id",
    adminOnly,
    readJson,
    async (req: Request<{ id: string }>, res) => {
      const change = parseInput(
        UpdateUserRequestSchema,
        req.body ?? {},
        "user change",
      );
      const target = await findTarget(req, req.params.id);
      checkOwnAccount(req, target, change);

      const { accounts, now } = authServicesOf(req);
      const update = toUserChange(target, change, now());
      const updated = await accounts.updateUser(target.id, update, {
        endSessions: change.disabled === true,
        audit: auditEvents(req, target, update),
      });
      if (!updated) throw userNotFound(target.id);
      res.json(toAdminUser(updated));
    },
  );

  router.post(
    "/api/admin/users/:id/reset-password",
    adminOnly,
    async (req: Request<{ id: string }>, res) => {
      const target = await findTarget(req, req.params.id);
      if (target.oidc_issuer !== null) {
        throw new ApiError(
          409,
          "sso_account",
          `${target.email} signs in through single sign-on and has no ` +
            "password here. Reset it at the identity provider.",
        );
      }
      const password = generatePassword();
      // Ending every session locks out anyone who knew the old password.
      const updated = await authServicesOf(req).accounts.updateUser(
        target.id,
        { password_hash: await hashPassword(password) },
        {
          endSessions: true,
          audit: [
            {
              ...auditOrigin(req),
              kind: "password_reset",
              target_user_id: target.id,
            },
          ],
        },
      );
      if (!updated) throw userNotFound(target.id);
      const body: PasswordReset = { password };
      res.json(body);
    },
  );

  return router;
}

async function findTarget(req: Request, id: string): Promise<UserRecord> {
  const user = await authServicesOf(req).accounts.findUserById(id);
  if (!user) throw userNotFound(id);
  return user;
}

/** Rejects an admin disabling or demoting their own account. */
function checkOwnAccount(
  req: Request,
  target: UserRecord,
  change: UpdateUserRequest,
): void {
  if (currentUser(req)?.id !== target.id) return;
  if (change.disabled === true) {
    throw ownAccount(
      "You cannot disable your own account. Ask another admin to do it.",
    );
  }
  if (change.role !== undefined && ROLE_RANK[change.role] < ROLE_RANK.admin) {
    throw ownAccount(
      "You cannot lower your own role. Ask another admin to change it.",
    );
  }
}

function toUserChange(
  target: UserRecord,
  change: UpdateUserRequest,
  now: Date,
): UserChange {
  const update: UserChange = {};
  if (change.display_name !== undefined) {
    update.display_name = change.display_name;
  }
  if (change.role !== undefined) update.role = change.role;
  if (change.disabled === true && target.disabled_at === null) {
    update.disabled_at = now.toISOString();
  }
  if (change.disabled === false && target.disabled_at !== null) {
    update.disabled_at = null;
  }
  return update;
}

function auditEvents(
  req: Request,
  target: UserRecord,
  update: UserChange,
): NewAuditEvent[] {
  const origin = { ...auditOrigin(req), target_user_id: target.id };
  const events: NewAuditEvent[] = [];
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const field of ["display_name", "role"] as const) {
    const value = update[field];
    if (value === undefined || value === target[field]) continue;
    before[field] = target[field];
    after[field] = value;
  }
  if (Object.keys(after).length > 0) {
    events.push({ ...origin, kind: "user_changed", detail: { before, after } });
  }
  if (update.disabled_at !== undefined) {
    const kind = update.disabled_at === null ? "user_enabled" : "user_disabled";
    events.push({ ...origin, kind });
  }
  return events;
}

function userNotFound(id: string): ApiError {
  return new ApiError(
    404,
    "not_found",
    `No user ${id} exists. Reload the list of users and choose again.`,
  );
}

function ownAccount(message: string): ApiError {
  return new ApiError(409, "own_account", message);
}

export function emailTaken(email: string): ApiError {
  const message = `Another account already uses ${email}. Choose another email, or change that account.`;
  return new ApiError(409, "email_taken", message, {
    fields: { email: [message] },
  });
}
