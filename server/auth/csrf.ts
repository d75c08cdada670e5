import type { Request, RequestHandler, Response } from "express";

import { CSRF_HEADER, PRE_SESSION_CSRF_COOKIE } from "../contract/auth.js";
import { ApiError } from "../errors.js";
import { preSessionCookieOptions, readCookie } from "./cookies.js";
import { routePathOf } from "./guards.js";
import { currentSession } from "./sessions.js";
import { generateToken, tokensMatch } from "./tokens.js";

const SAFE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);

const SIGN_IN_PATH = "/api/auth/sign-in";

function csrfFailed(detail: string): ApiError {
  return new ApiError(
    403,
    "csrf_failed",
    `${detail} Reload the page and try again.`,
  );
}

/**
 * Checks every state-changing /api request. A present Origin must be this
 * site's own. A signed-in request must send its session's CSRF token in
 * x-csrf-token; a sign-in must send the token of the pre-sign-in cookie.
 * Other requests without a session go on to the 401 of requireSession.
 */
export function checkCsrf(): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();

    const origin = req.get("origin");
    if (origin !== undefined && origin !== ownOrigin(req)) {
      throw csrfFailed(
        `The request came from another site (${origin}), so it was rejected.`,
      );
    }

    const given = req.get(CSRF_HEADER);
    const session = currentSession(req);
    if (session) {
      if (!tokensMatch(given, session.csrf_token)) {
        throw csrfFailed(missingOrWrong(given));
      }
      return next();
    }

    if (routePathOf(req.originalUrl) === SIGN_IN_PATH) {
      const expected = readCookie(req, PRE_SESSION_CSRF_COOKIE);
      if (!tokensMatch(given, expected))
        throw csrfFailed(missingOrWrong(given));
    }
    next();
  };
}

function missingOrWrong(given: string | undefined): string {
  return given
    ? "The request's security token (x-csrf-token) is out of date."
    : "The request has no security token (x-csrf-token).";
}

/** Returns the origin the browser shows for this request, honouring TRUST_PROXY. */
function ownOrigin(req: Request): string {
  return `${req.protocol}://${req.host}`;
}

/**
 * Returns the pre-sign-in CSRF token, setting its cookie when the browser
 * has none yet.
 */
export function preSessionCsrfToken(req: Request, res: Response): string {
  const existing = readCookie(req, PRE_SESSION_CSRF_COOKIE);
  if (existing && /^[\w-]{43}$/.test(existing)) return existing;

  const token = generateToken();
  res.cookie(PRE_SESSION_CSRF_COOKIE, token, preSessionCookieOptions(req));
  return token;
}
