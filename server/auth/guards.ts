import type { RequestHandler } from "express";

import { ROLE_RANK, type Role } from "../contract/auth.js";
import { ApiError } from "../errors.js";
import { currentUser } from "./sessions.js";

/** API routes anyone may call, as "METHOD path". */
const PUBLIC_ROUTES: ReadonlySet<string> = new Set([
  "GET /api/health",
  "GET /api/auth/session",
  "POST /api/auth/sign-in",
  "POST /api/auth/sign-out",
  "GET /api/auth/oidc/start",
  "GET /api/auth/oidc/callback",
]);

/**
 * Returns the path as Express matches it: without the query, trailing
 * slashes or case. Checks that compare paths must use it, or a variant such
 * as /api/auth/sign-in/ reaches the route while skipping the check.
 */
export function routePathOf(url: string): string {
  const path = (url.split("?")[0] ?? "").toLowerCase();
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

export function isPublicRoute(method: string, url: string): boolean {
  return PUBLIC_ROUTES.has(`${method} ${routePathOf(url)}`);
}

export function signedOutError(): ApiError {
  return new ApiError(401, "signed_out", "Sign in to use the console.");
}

/**
 * Rejects with 401 every /api request without a session, except the public
 * routes above. Mounted before all API routes, so a route added later needs
 * a session unless it is listed here.
 */
export function requireSession(): RequestHandler {
  return (req, _res, next) => {
    if (isPublicRoute(req.method, req.originalUrl)) {
      return next();
    }
    if (!currentUser(req)) throw signedOutError();
    next();
  };
}

function withArticle(role: Role): string {
  return role === "viewer" ? "a viewer" : `an ${role}`;
}

/**
 * Rejects with 403 a user whose role ranks below `role`. `action` names
 * what the route does, as in "Starting workflows".
 */
export function requireRole(role: Role, action: string): RequestHandler {
  return (req, _res, next) => {
    const user = currentUser(req);
    if (!user) throw signedOutError();
    if (ROLE_RANK[user.role] >= ROLE_RANK[role]) return next();
    throw new ApiError(
      403,
      "forbidden",
      `${action} needs the ${role} role; you are ${withArticle(user.role)}. ` +
        "Ask an admin to change your role.",
    );
  };
}
