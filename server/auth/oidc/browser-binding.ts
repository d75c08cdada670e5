import type { CookieOptions, Request } from "express";

import { readCookie } from "../cookies.js";
import { PENDING_SIGN_IN_TTL_MS, PendingSignIns } from "./pending-sign-ins.js";

// The cookie that ties a sign-in attempt to the browser that started it.

export const OIDC_BINDING_COOKIE = "heron_console_oidc";

const BINDING_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Returns the request's binding value when it has a well-formed one. */
export function readBinding(req: Request): string | undefined {
  const value = readCookie(req, OIDC_BINDING_COOKIE);
  return value !== undefined && BINDING_PATTERN.test(value) ? value : undefined;
}

/** Returns the request's binding value, or a new one when it has none. */
export function bindingFor(req: Request): string {
  return readBinding(req) ?? PendingSignIns.newBinding();
}

/**
 * HttpOnly, so page scripts never read it. SameSite=Lax, because the
 * provider sends the browser back with a top-level GET from another site,
 * which a Strict cookie would miss. Sent only to the sign-on routes, and
 * gone when the longest attempt has expired.
 */
export function bindingCookieOptions(req: Request): CookieOptions {
  return {
    httpOnly: true,
    sameSite: "lax",
    secure: req.secure,
    path: "/api/auth/oidc",
    maxAge: PENDING_SIGN_IN_TTL_MS,
  };
}
