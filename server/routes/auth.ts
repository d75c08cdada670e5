import express, { Router, type Request } from "express";

import {
  SignInRequestSchema,
  type SignedOutSession,
} from "../contract/auth.js";
import { ApiError } from "../errors.js";
import { recordAudit, sourceAddressOf } from "../auth/audit.js";
import { authServicesOf } from "../auth/auth-services.js";
import { preSessionCsrfToken } from "../auth/csrf.js";
import { verifyAgainstDummy, verifyPassword } from "../auth/passwords.js";
import {
  beginSession,
  currentSession,
  currentUser,
  describeSignedIn,
  endSession,
} from "../auth/sessions.js";
import { signInMethods } from "../auth/sign-in-methods.js";
import type { SignInBlock } from "../auth/sign-in-throttle.js";
import { parseInput } from "../http/parse-input.js";
import type { UserRecord } from "../store/account-store.js";

const INVALID_CREDENTIALS =
  "The email or password is not right. Check both and try again. If they " +
  "are right, ask an admin whether your account is enabled.";

/**
 * Creates the public routes of local sign-in: GET /api/auth/session,
 * POST /api/auth/sign-in and POST /api/auth/sign-out.
 */
export function authRoutes(): Router {
  const router = Router();
  const readJson = express.json({ limit: "8kb" });

  router.get("/api/auth/session", (req, res) => {
    const services = authServicesOf(req);
    const session = currentSession(req);
    const user = currentUser(req);
    if (session && user) {
      res.json(describeSignedIn(services, session, user));
      return;
    }
    const body: SignedOutSession = {
      signed_in: false,
      csrf_token: preSessionCsrfToken(req, res),
      methods: signInMethods(services.config),
    };
    res.json(body);
  });

  router.post("/api/auth/sign-in", readJson, async (req, res) => {
    const { email, password } = parseInput(
      SignInRequestSchema,
      req.body ?? {},
      "sign-in",
    );
    const user = await checkCredentials(req, email, password);
    res.json(await beginSession(req, res, user, "local"));
  });

  router.post("/api/auth/sign-out", async (req, res) => {
    const user = currentUser(req);
    if (user) {
      await recordAudit(req, { kind: "sign_out", target_user_id: user.id });
    }
    await endSession(req, res);
    res.status(204).end();
  });

  return router;
}

/**
 * Returns the enabled account whose password matches, or throws 401 with
 * the same words for an unknown account, a wrong password and a disabled
 * account, and 429 once too many sign-ins failed.
 */
async function checkCredentials(
  req: Request,
  email: string,
  password: string,
): Promise<UserRecord> {
  const { accounts, signInThrottle } = authServicesOf(req);
  const address = sourceAddressOf(req) ?? "unknown";

  const user = await accounts.findUserByEmail(email);
  const account = { email, passwordHash: user?.password_hash ?? null };
  const block = await signInThrottle.claimAttempt(account, address);
  if (block) {
    await recordAudit(req, {
      kind: "sign_in_failed",
      actor_email: email,
      target_user_id: user?.id ?? null,
      detail: { reason: "throttled", limit: block.limit },
    });
    throw tooManySignIns(block);
  }

  const matches = user?.password_hash
    ? await verifyPassword(password, user.password_hash)
    : await verifyAgainstDummy(password);
  if (user && matches && user.disabled_at === null) {
    await signInThrottle.recordSuccess(account, address);
    return user;
  }

  await recordAudit(req, {
    kind: "sign_in_failed",
    actor_email: email,
    target_user_id: user?.id ?? null,
    detail: { reason: failureReason(user, matches) },
  });
  throw new ApiError(401, "invalid_credentials", INVALID_CREDENTIALS);
}

function failureReason(user: UserRecord | null, matches: boolean): string {
  if (!user) return "unknown_account";
  if (!user.password_hash) return "single_sign_on_account";
  if (!matches) return "wrong_password";
  return "disabled";
}

function tooManySignIns({ limit, waitMs }: SignInBlock): ApiError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const minutes = Math.ceil(seconds / 60);
  const wait =
    seconds < 60
      ? `${seconds} second${seconds === 1 ? "" : "s"}`
      : `${minutes} minute${minutes === 1 ? "" : "s"}`;
  // A password reset starts the account's count again but not the address's.
  const message =
    limit === "account"
      ? "Too many sign-ins failed for this account. Try again in " +
        `${wait}, or ask an admin to reset your password.`
      : "Too many sign-ins failed from this address. Try again in " +
        `${wait}.`;
  return new ApiError(429, "too_many_sign_ins", message, {
    retryAfterSeconds: seconds,
  });
}
