import type { Express, Request } from "express";

import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { AccountStore } from "../store/account-store.js";
import {
  createSignInThrottle,
  type SignInThrottle,
} from "./sign-in-throttle.js";
import { createStartLimiter, type StartLimiter } from "./start-limiter.js";

/** Dependencies of the sign-in, session and role code, shared by the app. */
export interface AuthServices {
  accounts: AccountStore;
  config: Readonly<Config>;
  logger: Logger;
  /** The clock of session timeouts; tests move it instead of waiting. */
  now: () => Date;
  signInThrottle: SignInThrottle;
  startLimiter: StartLimiter;
}

export interface AuthServicesOptions {
  accounts: AccountStore;
  config: Readonly<Config>;
  logger: Logger;
  now?: () => Date;
}

export function createAuthServices(options: AuthServicesOptions): AuthServices {
  const { config } = options;
  return {
    ...options,
    now: options.now ?? (() => new Date()),
    signInThrottle: createSignInThrottle(config.auth),
    startLimiter: createStartLimiter(config.runs.startRateLimitPerSecond),
  };
}

const LOCALS_KEY = "auth";

/** Makes the services reachable from every request of `app`. */
export function attachAuthServices(app: Express, services: AuthServices): void {
  app.locals[LOCALS_KEY] = services;
}

export function authServicesOf(req: Request): AuthServices {
  const services = req.app.locals[LOCALS_KEY] as AuthServices | undefined;
  if (!services) throw new Error("createApp did not attach the auth services");
  return services;
}
