import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import express, { type Express } from "express";
import helmet from "helmet";

import {
  attachAuthServices,
  createAuthServices,
} from "./auth/auth-services.js";
import { checkCsrf } from "./auth/csrf.js";
import { requireSession } from "./auth/guards.js";
import { loadSession } from "./auth/sessions.js";
import type { Config } from "./config.js";
import type { Health } from "./contract/heron-data.js";
import type { EndUserDirectory } from "./directory/end-user-directory.js";
import { EndUserNames } from "./end-users/end-user-names.js";
import { ApiError, errorHandler } from "./errors.js";
import type { HeronClient } from "./heron/client.js";
import { createRequestLogging } from "./http/request-logging.js";
import type { Logger } from "./logger.js";
import { adminAuditRoutes } from "./routes/admin-audit.js";
import { adminUserRoutes } from "./routes/admin-users.js";
import { authRoutes } from "./routes/auth.js";
import { oidcRoutes } from "./routes/auth-oidc.js";
import { endUserRoutes } from "./routes/end-users.js";
import { healthRoutes } from "./routes/health.js";
import { heronRateLimitRoutes } from "./routes/heron-rate-limits.js";
import { presetRoutes } from "./routes/presets.js";
import { recentParameterRoutes } from "./routes/recent-parameters.js";
import { runCheckRoutes } from "./routes/run-checks.js";
import { runExportRoutes } from "./routes/run-export.js";
import { runRoutes } from "./routes/runs.js";
import { staffRoutes } from "./routes/staff.js";
import { workflowRoutes } from "./routes/workflows.js";
import type { RunServices } from "./runs/run-services.js";
import type { RunStore } from "./store/run-store.js";

export interface AppOptions {
  config: Readonly<Config>;
  heron: HeronClient;
  store: RunStore;
  logger: Logger;
  heronMode: Health["heron_mode"];
  /** Starts in flight and reconciliation, shared with shutdown. */
  runServices: RunServices;
  /** The end-user directory; its caller starts and stops the sync. */
  directory: EndUserDirectory;
  /** The built web app; defaults to dist/ at the project root. */
  staticDir?: string;
  /** The clock of session timeouts; tests pass one they can move. */
  now?: () => Date;
}

const DEFAULT_STATIC_DIR = fileURLToPath(new URL("../dist", import.meta.url));

/** Builds the console's Express app. Listening is left to the caller. */
export function createApp(options: AppOptions): Express {
  const { config, heron, store, logger, heronMode, runServices, directory } =
    options;
  const endUserNames = new EndUserNames();
  const app = express();
  attachAuthServices(
    app,
    createAuthServices({
      accounts: store.accounts,
      config,
      logger,
      ...(options.now ? { now: options.now } : {}),
    }),
  );

  app.disable("x-powered-by");
  // Decides which X-Forwarded-* headers count for req.ip and req.secure.
  app.set("trust proxy", config.auth.trustProxy);
  app.use(createRequestLogging(logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Mantine 9 writes its CSS variables and classes into <style>
          // elements at run time and sets style attributes. A nonce would
          // need index.html rewritten per request, so styles stay inline.
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrcAttr: ["'none'"],
          imgSrc: ["'self'", "data:"],
          fontSrc: ["'self'", "data:"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      // Browsers ignore this header over plain http, so it is sent only on
      // requests that arrived over HTTPS, below.
      strictTransportSecurity: false,
    }),
  );
  const transportSecurity = helmet.strictTransportSecurity();
  app.use((req, res, next) => {
    if (req.secure) transportSecurity(req, res, next);
    else next();
  });
  app.use("/api", (_req, res, next) => {
    res.setHeader("cache-control", "no-store");
    next();
  });
  // Every API route below needs a session unless guards.ts lists it as
  // public, and state-changing ones need the CSRF token.
  app.use("/api", loadSession(), checkCsrf(), requireSession());

  app.use(healthRoutes(heronMode));
  app.use(authRoutes());
  if (config.oidc) app.use(oidcRoutes(config.oidc, logger));
  app.use(staffRoutes());
  app.use(adminUserRoutes());
  app.use(adminAuditRoutes());
  app.use(endUserRoutes(directory, endUserNames));
  app.use(workflowRoutes(heron));
  app.use(heronRateLimitRoutes(heron));
  // Before runRoutes, whose /api/runs/:id would take "export.csv" as an id.
  app.use(runExportRoutes(store));
  app.use(
    runRoutes({
      heron,
      store,
      endUserNames,
      logger,
      inFlight: runServices.inFlight,
      onUnknown: (runId) => runServices.reconciler.schedule(runId),
      onEndUserNotFound: (heronId) => directory.markGone(heronId),
      duplicateWindowMinutes: config.runs.duplicateWindowMinutes,
      heronTimeoutMs: config.heron.timeoutMs,
      maxParametersBytes: config.maxParametersBytes,
      requireReason: config.runs.requireReason,
    }),
  );
  app.use(
    presetRoutes({
      store,
      maxParametersBytes: config.maxParametersBytes,
    }),
  );
  app.use(recentParameterRoutes(store));
  app.use(
    runCheckRoutes({
      heron,
      store,
      logger,
      reconciler: runServices.reconciler,
    }),
  );
  app.use("/api", (req, _res, next) => {
    const path = req.originalUrl.split("?")[0];
    const message = `The console has no API route ${req.method} ${path}.`;
    next(new ApiError(404, "not_found", `${message} Check the address.`));
  });

  serveWebApp(app, options.staticDir ?? DEFAULT_STATIC_DIR);
  app.use(errorHandler);
  return app;
}

/** Serves the built page, sending index.html for any other GET path. */
function serveWebApp(app: Express, staticDir: string): void {
  const indexFile = join(staticDir, "index.html");
  if (!existsSync(indexFile)) return;

  app.use(express.static(staticDir, { index: false }));
  // A missing hashed asset (say, after a new build) is a plain 404: the page
  // in its place would reach the browser as broken JavaScript.
  app.get("/assets/{*splat}", (req, res) => {
    res.status(404).type("text/plain").send(`${req.path} was not found.`);
  });
  app.get("/{*splat}", (_req, res) => {
    res.sendFile(indexFile);
  });
}
