import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";

import type Database from "better-sqlite3";

import { createApp } from "../app.js";
import { loadConfig } from "../config.js";
import { createHeronClient, type HeronClient } from "../heron/client.js";
import { EndUserDirectory } from "../directory/end-user-directory.js";
import { openDirectoryDatabase } from "../directory/open-directory-database.js";
import { createLogger, type Logger } from "../logger.js";
import { createRunServices, type RunServices } from "../runs/run-services.js";
import {
  startSandbox,
  type SandboxOptions,
  type SandboxServer,
} from "../sandbox/index.js";
import { openStore } from "../store/open-store.js";
import type { RunStore } from "../store/run-store.js";

/** Collects every log line written to it, for assertions. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];

  override _write(
    chunk: Buffer | string,
    _encoding: BufferEncoding,
    callback: () => void,
  ): void {
    this.lines.push(...String(chunk).split("\n").filter(Boolean));
    callback();
  }

  text(): string {
    return this.lines.join("\n");
  }

  entries(): Record<string, unknown>[] {
    return this.lines.map(
      (line) => JSON.parse(line) as Record<string, unknown>,
    );
  }
}

export function makeApiKey(): string {
  return `key_${randomBytes(24).toString("hex")}`;
}

/** A temporary folder removed by the returned function. */
export function makeTempDir(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), "heron-console-test-"));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface TestServerOptions {
  /**
   * Extra or replaced environment variables for loadConfig. Unless set here,
   * the duplicate check and the automatic reconciliation are off, so tests
   * can start the same workflow again and count Heron calls exactly.
   */
  env?: Record<string, string>;
  /** Sandbox settings such as rate limits and the execution step. */
  sandbox?: Pick<SandboxOptions, "rateLimits" | "executionStepMs" | "endUsers">;
  /**
   * The end-user directory's sync at start. "off" (the default) leaves the
   * test to call runNow itself, so tests that count Heron calls see none
   * from the sync. "wait" finishes the first sync before returning, then
   * resets the sandbox, so its record and rate-limit windows start empty
   * (the Heron client still reports the sync's list_end_users budget).
   * "background" starts it without waiting.
   */
  directorySync?: "wait" | "background" | "off";
  /** Reuses this database file, such as one from an earlier test server. */
  databasePath?: string;
  /** Points the console at this URL rather than the sandbox. */
  heronBaseUrl?: string;
  staticDir?: string;
  /** Replaces operations of the real client, to provoke console faults. */
  wrapHeron?: (heron: HeronClient) => HeronClient;
  /** Replaces operations of the real store, to provoke database faults. */
  wrapStore?: (store: RunStore) => RunStore;
}

export interface TestServer {
  /** The console's base URL, such as http://127.0.0.1:41234. */
  url: string;
  apiKey: string;
  sandbox: SandboxServer;
  store: RunStore;
  heron: HeronClient;
  logs: LogCapture;
  logger: Logger;
  databasePath: string;
  /** The store's SQLite connection, to provoke database faults. */
  sqlite: Database.Database;
  runServices: RunServices;
  directory: EndUserDirectory;
  /** The directory's own SQLite connection, for assertions. */
  directorySqlite: Database.Database;
  /** Sends a request to the console. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** POSTs `body` to /api/runs: objects as JSON, strings as they are. */
  postRun(body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Starts the Heron sandbox and the console on free loopback ports, with a
 * SQLite file in a new temporary folder and the log captured.
 */
export async function startTestServer(
  options: TestServerOptions = {},
): Promise<TestServer> {
  const apiKey = makeApiKey();
  const sandbox = await startSandbox({
    ...options.sandbox,
    apiKey,
    port: 0,
    quiet: true,
  });
  const tempDir = makeTempDir();
  const databasePath =
    options.databasePath ?? join(tempDir.path, "data", "console.sqlite");

  const config = loadConfig({
    HERON_API_KEY: apiKey,
    HERON_BASE_URL: options.heronBaseUrl ?? sandbox.url,
    DATABASE_PATH: databasePath,
    HOST: "127.0.0.1",
    PORT: "0",
    LOG_LEVEL: "debug",
    DUPLICATE_WINDOW_MINUTES: "0",
    RECONCILE_DELAYS_MS: "off",
    ...options.env,
  });
  const logs = new LogCapture();
  const logger = createLogger({ level: config.logLevel, destination: logs });
  const heron = createHeronClient({
    apiKey,
    baseUrl: config.heron.baseUrl,
    timeoutMs: config.heron.timeoutMs,
    userAgent: "heron-workflow-console/test",
    logger,
  });
  let sqlite: Database.Database | undefined;
  const store = await openStore(databasePath, {
    onConnection: (connection) => (sqlite = connection),
  });
  if (!sqlite) throw new Error("openStore did not pass its connection");
  const appHeron = options.wrapHeron ? options.wrapHeron(heron) : heron;
  const appStore = options.wrapStore ? options.wrapStore(store) : store;
  const runServices = createRunServices({
    config,
    heron: appHeron,
    store: appStore,
    logger,
  });
  const directorySqlite = openDirectoryDatabase(databasePath);
  const directory = new EndUserDirectory({
    heron: appHeron,
    db: directorySqlite,
    logger,
    ...config.directory,
  });
  const app = createApp({
    config,
    heron: appHeron,
    store: appStore,
    logger,
    heronMode: "heron",
    runServices,
    directory,
    ...(options.staticDir ? { staticDir: options.staticDir } : {}),
  });

  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  const directorySync = options.directorySync ?? "off";
  if (directorySync === "background") directory.start();
  if (directorySync === "wait") {
    await directory.runNow();
    sandbox.control.reset();
  }

  const request = (path: string, init?: RequestInit) => fetch(url + path, init);

  return {
    url,
    apiKey,
    sandbox,
    store,
    heron,
    logs,
    logger,
    databasePath,
    sqlite,
    runServices,
    directory,
    directorySqlite,
    request,
    postRun: (body, headers = {}) =>
      request("/api/runs", {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    async close() {
      runServices.reconciler.close();
      await directory.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await heron.close();
      await store.close().catch(() => undefined);
      directory.close();
      await sandbox.close();
      tempDir.remove();
    },
  };
}
