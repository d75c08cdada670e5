import { join } from "node:path";

import Database from "better-sqlite3";
import type { ApiErrorBody } from "./contract/errors.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { RunOutcome } from "./contract/runs.js";
import { SHUT_DOWN_IN_FLIGHT_MESSAGE } from "./runs/interrupted-runs.js";
import { startSandbox, type SandboxServer } from "./sandbox/index.js";
import {
  firstAdminOf,
  runMain,
  type MainProcess,
} from "./testing/main-process.js";
import {
  startBody,
  startRequests,
  waitUntil,
} from "./testing/start-helpers.js";
import {
  makeApiKey,
  makeTempDir,
  requestAs,
  signInOverHttp,
} from "./testing/test-server.js";

// SIGTERM while a start waits for Heron: the row must end recorded, started
// when Heron responds within the grace period, unknown when it does not.

const apiKey = makeApiKey();
const tempDir = makeTempDir();
let sandbox: SandboxServer;
let main: MainProcess | null = null;

beforeAll(async () => {
  sandbox = await startSandbox({ apiKey, port: 0, quiet: true });
});

afterEach(() => {
  sandbox.control.reset();
  if (main && main.child.exitCode === null) main.child.kill("SIGKILL");
  main = null;
});

afterAll(async () => {
  await sandbox.close();
  tempDir.remove();
});

interface StoredRun {
  outcome: RunOutcome;
  error_message: string | null;
  workflow_execution_id: string | null;
}

function readRuns(databasePath: string): StoredRun[] {
  const sqlite = new Database(databasePath, { readonly: true });
  try {
    return sqlite
      .prepare("select outcome, error_message, workflow_execution_id from runs")
      .all() as StoredRun[];
  } finally {
    sqlite.close();
  }
}

/** Starts the console, sends one start, and stops it once Heron has it. */
async function stopDuringStart(
  name: string,
  startLatencyMs: number,
  graceMs: number,
) {
  const databasePath = join(tempDir.path, name, "console.sqlite");
  sandbox.control.setFault({
    operation: "start_by_name",
    latencyMs: startLatencyMs,
  });
  main = runMain({
    HERON_API_KEY: apiKey,
    HERON_BASE_URL: sandbox.url,
    DATABASE_PATH: databasePath,
    PORT: "0",
    LOG_LEVEL: "info",
    SHUTDOWN_GRACE_MS: String(graceMs),
  });
  const url = await main.url();
  const admin = await firstAdminOf(main);
  const session = await signInOverHttp(url, admin.email, admin.password);

  const response = requestAs(url, session)("/api/runs", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(startBody()),
  }).catch((error: unknown) => error);
  await waitUntil(
    async () => startRequests(sandbox).length,
    (count) => count === 1,
  );
  const stoppedAt = Date.now();
  main.child.kill("SIGTERM");
  const code = await main.exited;

  return {
    code,
    stopMs: Date.now() - stoppedAt,
    response: await response,
    runs: readRuns(databasePath),
    output: main.output(),
  };
}

describe("SIGTERM with a start in flight", () => {
  it("records started when Heron responds in time", async () => {
    const stopped = await stopDuringStart("answered", 1000, 5000);

    expect(stopped.code).toBe(0);
    expect(stopped.stopMs).toBeLessThan(4000);
    expect(stopped.response).toBeInstanceOf(Response);
    expect((stopped.response as Response).status).toBe(201);
    expect(stopped.runs).toHaveLength(1);
    expect(stopped.runs[0]?.outcome).toBe("started");
    expect(stopped.runs[0]?.workflow_execution_id).toMatch(/^wex_/);
    expect(stopped.output).toContain('"msg":"stopped"');
  }, 30_000);

  it("records unknown when the grace ends first", async () => {
    const stopped = await stopDuringStart("abandoned", 5000, 500);

    expect(stopped.code).toBe(0);
    expect(stopped.stopMs).toBeLessThan(4000);
    expect(stopped.runs).toHaveLength(1);
    expect(stopped.runs[0]?.outcome).toBe("unknown");
    expect(stopped.runs[0]?.error_message).toBe(SHUT_DOWN_IN_FLIGHT_MESSAGE);
    // The request gets a response naming the run, not a dropped connection.
    expect(stopped.response).toBeInstanceOf(Response);
    const body = (await (stopped.response as Response).json()) as ApiErrorBody;
    expect((stopped.response as Response).status).toBe(502);
    expect(body.error.runId).toMatch(/^run_/);
    expect(stopped.output).toContain(
      "starts still in flight at shutdown are recorded unknown",
    );
    expect(stopped.output).toContain('"msg":"stopped"');
  }, 30_000);
});
