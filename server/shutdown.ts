import type { Server } from "node:http";

import type { HeronClient } from "./heron/client.js";
import type { Logger } from "./logger.js";
import { recordAbandonedStarts } from "./runs/interrupted-runs.js";
import type { RunServices } from "./runs/run-services.js";
import type { SandboxServer } from "./sandbox/index.js";
import type { RunStore } from "./store/run-store.js";

/** Time left for requests to respond once their Heron calls are aborted. */
const MIN_ANSWER_MS = 1000;

export interface ShutdownOptions {
  server: Server;
  runServices: RunServices;
  store: RunStore;
  heron: HeronClient;
  sandbox: SandboxServer | null;
  logger: Logger;
  /** How long requests and starts in flight get to finish. */
  graceMs: number;
}

/**
 * Stops accepting connections, rejects new starts and waits up to `graceMs`
 * for requests in flight. At the deadline, starts still waiting for Heron
 * are recorded unknown and the Heron calls aborted, so each request still
 * gets a response. Then closes the database and any sandbox.
 */
export async function shutDown(options: ShutdownOptions): Promise<void> {
  const { server, runServices, store, heron, sandbox, logger, graceMs } =
    options;
  const deadline = Date.now() + graceMs;

  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections that finish a request during the grace stay open
  // until their idle timeout unless closed as they become idle.
  const closeIdle = setInterval(() => server.closeIdleConnections(), 100);
  server.closeIdleConnections();

  const startsFinished = await runServices.inFlight.close(graceMs);
  if (!startsFinished) {
    try {
      await recordAbandonedStarts(store, runServices.inFlight.runIds(), logger);
    } catch (error) {
      logger.error(
        { err: error, runIds: runServices.inFlight.runIds() },
        "recording starts in flight at shutdown failed; they stay sending " +
          "and become unknown at the next start",
      );
    }
  }

  if (!(await settlesWithin(closed, deadline - Date.now()))) {
    // Aborting the Heron calls still in flight lets their requests respond,
    // starts among them recorded unknown, instead of losing the connection.
    runServices.reconciler.close();
    await heron.destroy();
    if (!(await settlesWithin(closed, MIN_ANSWER_MS))) {
      logger.warn(
        { graceMs },
        "closing requests still in flight after the grace period",
      );
      server.closeAllConnections();
      await closed;
    }
  } else {
    // Every request has ended, so a Heron call still in flight belongs to
    // a background check, and no request waits for it.
    runServices.reconciler.close();
    await heron.destroy();
  }
  clearInterval(closeIdle);

  await store.close();
  await sandbox?.close();
}

function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void promise.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
