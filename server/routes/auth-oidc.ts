import { Router, type Request, type Response } from "express";

import type { OidcConfig } from "../config.js";
import { ApiError } from "../errors.js";
import { recordAudit } from "../auth/audit.js";
import { authServicesOf } from "../auth/auth-services.js";
import { acceptPerson } from "../auth/oidc/accept-person.js";
import {
  bindingCookieOptions,
  bindingFor,
  OIDC_BINDING_COOKIE,
  readBinding,
} from "../auth/oidc/browser-binding.js";
import {
  createOidcSignIn,
  type OidcSignIn,
} from "../auth/oidc/oidc-sign-in.js";
import { ProviderUnavailableError } from "../auth/oidc/provider-connection.js";
import {
  SignInRejection,
  signInErrorPath,
} from "../auth/oidc/sign-in-errors.js";
import { beginSession } from "../auth/sessions.js";
import type { Logger } from "../logger.js";

/** Seconds a browser or script should wait before trying /start again. */
const RETRY_AFTER_SECONDS = 30;

/**
 * Creates GET /api/auth/oidc/start and GET /api/auth/oidc/callback, the
 * single sign-on routes. Both are public: they are how a person signs in.
 */
export function oidcRoutes(
  settings: Readonly<OidcConfig>,
  logger: Logger,
): Router {
  const oidc = createOidcSignIn(settings, logger);
  const router = Router();
  router.get("/api/auth/oidc/start", (req, res) => startRoute(oidc, req, res));
  router.get("/api/auth/oidc/callback", (req, res) =>
    callbackRoute(oidc, req, res),
  );
  return router;
}

async function startRoute(
  oidc: OidcSignIn,
  req: Request,
  res: Response,
): Promise<void> {
  let started;
  try {
    started = await oidc.start(bindingFor(req));
  } catch (error) {
    if (!(error instanceof ProviderUnavailableError)) throw error;
    sendUnavailable(oidc, req, res);
    return;
  }
  res.cookie(OIDC_BINDING_COOKIE, started.binding, bindingCookieOptions(req));
  res.redirect(302, started.authorizationUrl.href);
}

// The sign-in button is a plain link, so a browser gets a page of text it
// can show; API clients get the usual JSON error.
function sendUnavailable(oidc: OidcSignIn, req: Request, res: Response) {
  const message =
    `Single sign-on is unavailable: the identity provider at ` +
    `${oidc.settings.issuer} could not be reached. Try again in a few ` +
    "minutes, or sign in with your console email and password.";
  if (req.accepts(["json", "html"]) === "html") {
    res.setHeader("retry-after", String(RETRY_AFTER_SECONDS));
    res.status(503).type("text/plain").send(message);
    return;
  }
  throw new ApiError(503, "oidc_unavailable", message, {
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  });
}

async function callbackRoute(
  oidc: OidcSignIn,
  req: Request,
  res: Response,
): Promise<void> {
  const query = new URLSearchParams(req.originalUrl.split("?")[1] ?? "");
  try {
    const person = await oidc.finish(query, readBinding(req));
    const user = await acceptPerson(authServicesOf(req).accounts, person);
    await beginSession(req, res, user, "oidc");
  } catch (error) {
    if (!(error instanceof SignInRejection)) throw error;
    await recordRejection(oidc, req, error);
    res.redirect(302, signInErrorPath(error.code));
    return;
  }
  res.redirect(302, "/");
}

async function recordRejection(
  oidc: OidcSignIn,
  req: Request,
  rejection: SignInRejection,
): Promise<void> {
  req.log.warn(
    { err: rejection, code: rejection.code, issuer: oidc.settings.issuer },
    "single sign-on rejected",
  );
  await recordAudit(req, {
    kind: "sign_in_failed",
    actor_email: rejection.email,
    detail: {
      method: "oidc",
      reason: rejection.code,
      issuer: oidc.settings.issuer,
    },
  });
}
