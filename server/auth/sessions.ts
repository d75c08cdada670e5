import type { Request, RequestHandler, Response } from "express";

import {
  BACKGROUND_REFRESH_HEADER,
  PRE_SESSION_CSRF_COOKIE,
  SESSION_COOKIE,
  type SignedInSession,
} from "../contract/auth.js";
import { ApiError } from "../errors.js";
import type { SessionRecord, UserRecord } from "../store/account-store.js";
import { sourceAddressOf, userAgentOf } from "./audit.js";
import { authServicesOf, type AuthServices } from "./auth-services.js";
import {
  preSessionCookieOptions,
  readCookie,
  sessionCookieOptions,
} from "./cookies.js";
import { signInMethods } from "./sign-in-methods.js";
import { generateToken, hashToken } from "./tokens.js";

interface SignedIn {
  session: SessionRecord;
  user: UserRecord;
}

// Filled by loadSession and beginSession, for the rest of the request.
const signedInRequests = new WeakMap<Request, SignedIn>();

/** Writes last_seen_at at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 15_000;

export function currentUser(req: Request): UserRecord | null {
  return signedInRequests.get(req)?.user ?? null;
}

export function currentSession(req: Request): SessionRecord | null {
  return signedInRequests.get(req)?.session ?? null;
}

/**
 * Signs `user` in: deletes the browser's old session, if any, stores a new
 * one under a new token, sets the session cookie, records the sign-in and
 * returns the body of GET /api/auth/session. The caller checks the password
 * or the identity provider's response, and that the account is enabled.
 */
export async function beginSession(
  req: Request,
  res: Response,
  user: UserRecord,
  method: "local" | "oidc" = "local",
): Promise<SignedInSession> {
  const services = authServicesOf(req);
  const { accounts, config } = services;
  const now = services.now();
  const oldToken = readCookie(req, SESSION_COOKIE);
  const token = generateToken();
  const session: SessionRecord = {
    id: hashToken(token),
    user_id: user.id,
    csrf_token: generateToken(),
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    absolute_expires_at: new Date(
      now.getTime() + config.auth.sessionMaxHours * 3_600_000,
    ).toISOString(),
    source_address: sourceAddressOf(req),
    user_agent: userAgentOf(req),
  };

  await accounts.createSession(session, oldToken ? hashToken(oldToken) : null);
  const signedIn = await accounts.updateUser(
    user.id,
    { last_sign_in_at: now.toISOString() },
    {
      audit: [
        {
          kind: "sign_in",
          actor_user_id: user.id,
          actor_email: user.email,
          target_user_id: user.id,
          source_address: session.source_address,
          user_agent: session.user_agent,
          detail: { method },
        },
      ],
    },
  );

  signedInRequests.set(req, { session, user: signedIn ?? user });
  res.cookie(SESSION_COOKIE, token, sessionCookieOptions(req));
  res.clearCookie(PRE_SESSION_CSRF_COOKIE, preSessionCookieOptions(req));
  return describeSignedIn(services, session, signedIn ?? user);
}

/** Deletes the request's session, if any, and clears the cookie. */
export async function endSession(req: Request, res: Response): Promise<void> {
  const { accounts } = authServicesOf(req);
  const signedIn = signedInRequests.get(req);
  if (signedIn) {
    await accounts.deleteSession(signedIn.session.id);
    signedInRequests.delete(req);
  }
  res.clearCookie(SESSION_COOKIE, sessionCookieOptions(req));
}

/** Builds the body of GET /api/auth/session for a signed-in request. */
export function describeSignedIn(
  services: AuthServices,
  session: SessionRecord,
  user: UserRecord,
): SignedInSession {
  const idleMs = services.config.auth.sessionIdleMinutes * 60_000;
  const idleEnd = new Date(Date.parse(session.last_seen_at) + idleMs);
  const absoluteEnd = new Date(session.absolute_expires_at);
  return {
    signed_in: true,
    csrf_token: session.csrf_token,
    user: {
      id: user.id,
      email: user.email,
      display_name: user.display_name,
      role: user.role,
    },
    idle_expires_at: new Date(
      Math.min(idleEnd.getTime(), absoluteEnd.getTime()),
    ).toISOString(),
    expires_at: absoluteEnd.toISOString(),
    methods: signInMethods(services.config),
    settings: { reason_required: services.config.runs.requireReason },
  };
}

type Expiry = "idle" | "absolute" | "disabled" | null;

function expiryOf(
  services: AuthServices,
  { session, user }: SignedIn,
  now: Date,
): Expiry {
  if (user.disabled_at !== null) return "disabled";
  if (now.getTime() >= Date.parse(session.absolute_expires_at)) {
    return "absolute";
  }
  const idleMs = services.config.auth.sessionIdleMinutes * 60_000;
  if (now.getTime() - Date.parse(session.last_seen_at) >= idleMs) {
    return "idle";
  }
  return null;
}

/**
 * Finds the session of the request's cookie. A session past its idle or
 * absolute timeout, or of a disabled account, is deleted, and the request
 * goes on signed out.
 */
export function loadSession(): RequestHandler {
  return async (req, res, next) => {
    const token = readCookie(req, SESSION_COOKIE);
    if (!token) return next();

    const services = authServicesOf(req);
    const found = await readSession(() =>
      services.accounts.findSession(hashToken(token)),
    );
    if (!found) {
      res.clearCookie(SESSION_COOKIE, sessionCookieOptions(req));
      return next();
    }

    const now = services.now();
    const expiry = expiryOf(services, found, now);
    if (expiry !== null) {
      await readSession(() => expire(req, res, services, found, expiry));
      return next();
    }

    if (
      !isBackgroundRefresh(req) &&
      now.getTime() - Date.parse(found.session.last_seen_at) >=
        TOUCH_INTERVAL_MS
    ) {
      found.session.last_seen_at = now.toISOString();
      await readSession(() =>
        services.accounts.touchSession(
          found.session.id,
          found.session.last_seen_at,
        ),
      );
    }
    signedInRequests.set(req, found);
    next();
  };
}

/** Returns true for a polling refresh, which must not keep a session alive. */
function isBackgroundRefresh(req: Request): boolean {
  return req.get(BACKGROUND_REFRESH_HEADER) === "1";
}

/** Runs a session read or write, turning any failure into a 503. */
async function readSession<T>(access: () => Promise<T>): Promise<T> {
  try {
    return await access();
  } catch (error) {
    throw new ApiError(
      503,
      "database_unavailable",
      "The console could not check your session in its database. Try " +
        "again. If it fails again, ask an administrator to check the " +
        "database at DATABASE_PATH.",
      { cause: error },
    );
  }
}

async function expire(
  req: Request,
  res: Response,
  services: AuthServices,
  { session, user }: SignedIn,
  reason: Exclude<Expiry, null>,
): Promise<void> {
  await services.accounts.deleteSession(session.id);
  res.clearCookie(SESSION_COOKIE, sessionCookieOptions(req));
  if (reason === "disabled") return;
  await services.accounts.recordAudit({
    kind: "session_expired",
    actor_user_id: user.id,
    actor_email: user.email,
    target_user_id: user.id,
    source_address: sourceAddressOf(req),
    user_agent: userAgentOf(req),
    detail: { reason },
  });
}

/** Returns the request's user, and throws when a route has no session guard. */
export function signedInUser(req: Request): UserRecord {
  const user = currentUser(req);
  if (!user) throw new Error(`${req.method} ${req.path} ran without a session`);
  return user;
}
