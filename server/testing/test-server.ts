import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";

import type Database from "better-sqlite3";
import type { Express } from "express";

import { createApp } from "../app.js";
import { createLocalUser } from "../auth/users.js";
import type { Role, SignedInSession } from "../contract/auth.js";
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
   * the duplicate check, the automatic reconciliation and the per-user start
   * limit are off, so tests can start the same workflow again and count Heron
   * calls exactly.
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
  /**
   * false starts the server signed out. By default an admin is created and
   * signed in, and request() and postRun() send its cookie and CSRF token.
   */
  signedIn?: boolean;
}

/** A signed-in browser: what it sends with each request. */
export interface TestSession {
  cookie: string;
  csrfToken: string;
  user: SignedInSession["user"];
  /** The account's password, for tests that sign in again. */
  password: string;
}

export type RequestFunction = (
  path: string,
  init?: RequestInit,
) => Promise<Response>;

export interface TestServer {
  /** The console's base URL, such as http://127.0.0.1:41234. */
  url: string;
  /** The Express app, for tests that list its routes. */
  app: Express;
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
  /** The signed-in admin that request() uses; null when signed out. */
  session: TestSession | null;
  /**
   * Sends a request to the console, with the default session's cookie and
   * CSRF token unless `init` sets those headers itself.
   */
  request: RequestFunction;
  /** Sends a request with no cookie or CSRF token. */
  anonymous: RequestFunction;
  /**
   * Creates an account of `role` and signs it in over HTTP. The email is
   * made unique unless given.
   */
  signIn(role: Role, email?: string): Promise<TestSession>;
  /** Sends requests as `session`. */
  as(session: TestSession): RequestFunction;
  /** Signs in a new account of `role` and returns its request function. */
  client(role: Role): Promise<RequestFunction>;
  /** Moves the clock of session timeouts forward. */
  advanceClock(ms: number): void;
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
    START_RATE_LIMIT_PER_SECOND: "1000",
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
  let clockOffsetMs = 0;
  const app = createApp({
    now: () => new Date(Date.now() + clockOffsetMs),
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

  const anonymous: RequestFunction = (path, init) => fetch(url + path, init);
  const as = (session: TestSession) => requestAs(url, session);

  let accountCount = 0;
  const signIn = async (role: Role, email?: string): Promise<TestSession> => {
    accountCount += 1;
    // A random part keeps the default address free when a test starts a
    // second server on the same database, whose accounts already exist.
    const address =
      email ??
      `${role}-${accountCount}-${randomBytes(4).toString("hex")}@example.test`;
    const password = `test-password-${accountCount}-${randomBytes(6).toString("hex")}`;
    const created = await store.accounts.findUserByEmail(address);
    if (!created) {
      const result = await createLocalUser(
        store.accounts,
        {
          email: address,
          displayName: `Test ${role} ${accountCount}`,
          role,
          password,
        },
        {},
      );
      if (result.kind !== "created") throw new Error(`${address} is taken`);
    }
    return signInOverHttp(url, address, password);
  };

  const directorySync = options.directorySync ?? "off";
  if (directorySync === "background") directory.start();
  if (directorySync === "wait") {
    await directory.runNow();
    sandbox.control.reset();
  }

  const session = options.signedIn === false ? null : await signIn("admin");
  const request: RequestFunction = session ? as(session) : anonymous;

  return {
    url,
    app,
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
    session,
    request,
    anonymous,
    signIn,
    as,
    client: async (role) => as(await signIn(role)),
    advanceClock: (ms) => {
      clockOffsetMs += ms;
    },
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

/**
 * Returns a function that sends requests to `url` with the session's cookie
 * and CSRF token, unless `init` sets those headers itself.
 */
export function requestAs(url: string, session: TestSession): RequestFunction {
  return (path, init = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has("cookie")) headers.set("cookie", session.cookie);
    if (!headers.has("x-csrf-token")) {
      headers.set("x-csrf-token", session.csrfToken);
    }
    return fetch(url + path, { ...init, headers });
  };
}

/**
 * Signs in over HTTP as a browser does: GET /api/auth/session for the
 * pre-sign-in CSRF token, then POST /api/auth/sign-in with it.
 */
export async function signInOverHttp(
  url: string,
  email: string,
  password: string,
): Promise<TestSession> {
  const response = await postSignIn(url, email, password);
  if (response.status !== 200) {
    throw new Error(
      `signing in as ${email} failed with ${response.status}: ` +
        (await response.text()),
    );
  }
  const body = (await response.json()) as SignedInSession;
  const cookie = cookiePairs(response)
    .filter((pair) => pair.startsWith("heron_console_session="))
    .join("; ");
  return { cookie, csrfToken: body.csrf_token, user: body.user, password };
}

/**
 * Signs in as a browser does: reads the pre-sign-in CSRF token and cookie,
 * then posts the credentials. `headers` go on both requests, for example a
 * forwarded client address. Returns the sign-in response unchecked.
 */
export async function postSignIn(
  url: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const first = await fetch(`${url}/api/auth/session`, { headers });
  const { csrf_token } = (await first.json()) as { csrf_token: string };
  return fetch(`${url}/api/auth/sign-in`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      cookie: cookiePairs(first).join("; "),
      "x-csrf-token": csrf_token,
      ...headers,
    },
    body: JSON.stringify({ email, password }),
  });
}

/** Returns the name=value pairs of the Set-Cookie headers that set a value. */
export function cookiePairs(response: Response): string[] {
  return response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0] ?? "")
    .filter((pair) => !pair.endsWith("="));
}
