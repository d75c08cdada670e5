import { randomUUID } from "node:crypto";
import { join } from "node:path";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { Run } from "./contract/runs.js";
import { STOPPED_IN_FLIGHT_MESSAGE } from "./runs/interrupted-runs.js";
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
  type RequestFunction,
} from "./testing/test-server.js";

// The console process dies with SIGKILL while Heron is still working on a
// start. After a restart on the same database the run must be there, unknown,
// and reconciliation must find the execution Heron created meanwhile.

const apiKey = makeApiKey();
const tempDir = makeTempDir();
const running: MainProcess[] = [];
let sandbox: SandboxServer;

beforeAll(async () => {
  sandbox = await startSandbox({ apiKey, port: 0, quiet: true });
});

afterEach(() => {
  for (const main of running.splice(0)) {
    if (main.child.exitCode === null) main.child.kill("SIGKILL");
  }
});

afterAll(async () => {
  await sandbox.close();
  tempDir.remove();
});

function startConsole(databasePath: string): MainProcess {
  const main = runMain({
    HERON_API_KEY: apiKey,
    HERON_BASE_URL: sandbox.url,
    DATABASE_PATH: databasePath,
    PORT: "0",
    LOG_LEVEL: "info",
    // The first check comes before Heron's delayed start creates the
    // execution, the second after it.
    RECONCILE_DELAYS_MS: "200,6000",
  });
  running.push(main);
  return main;
}

async function getRun(request: RequestFunction, id: string): Promise<Run> {
  const response = await request(`/api/runs/${id}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Run;
}

describe("console killed during a start", () => {
  it("recovers the run as unknown, then reconciles it", async () => {
    const databasePath = join(tempDir.path, "crash", "console.sqlite");
    sandbox.control.setFault({ operation: "start_by_name", latencyMs: 5000 });
    const key = randomUUID();
    const body = JSON.stringify(startBody());

    const first = startConsole(databasePath);
    const firstUrl = await first.url();
    const admin = await firstAdminOf(first);
    const session = await signInOverHttp(firstUrl, admin.email, admin.password);
    const pending = requestAs(firstUrl, session)("/api/runs", {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": key },
      body,
    }).catch((error: unknown) => error);
    await waitUntil(
      async () => startRequests(sandbox).length,
      (count) => count === 1,
    );
    first.child.kill("SIGKILL");
    await first.exited;
    expect(await pending).toBeInstanceOf(Error);

    const second = startConsole(databasePath);
    // Sessions live in the database, so the restart keeps the sign-in.
    const request = requestAs(await second.url(), session);
    const list = (await (await request("/api/runs")).json()) as {
      runs: Run[];
    };
    const [recovered] = list.runs;
    if (!recovered) throw new Error("the run was not recorded");

    expect(list.runs).toHaveLength(1);
    expect(recovered.outcome).toBe("unknown");
    expect(recovered.error_message).toBe(STOPPED_IN_FLIGHT_MESSAGE);
    expect(second.output()).toContain(
      "runs left sending when the console stopped are now unknown",
    );

    const reconciled = await waitUntil(
      () => getRun(request, recovered.id),
      (run) => run.outcome === "started",
      15_000,
    );
    const executions = (await (
      await fetch(
        `${sandbox.url}/api/workflow/${reconciled.workflow_id}` +
          `/executions/end_user/${recovered.end_user_heron_id}`,
        { headers: { "x-api-key": apiKey } },
      )
    ).json()) as { heron_id: string }[];

    expect(reconciled.workflow_execution_id).toMatch(/^wex_/);
    expect(executions.map((execution) => execution.heron_id)).toEqual([
      reconciled.workflow_execution_id,
    ]);
    expect(reconciled.reconciled_at).not.toBeNull();
    expect(reconciled.reconciliation_note).toContain(
      reconciled.workflow_execution_id,
    );

    // The same submission sent again gets this run, and Heron no new start.
    const replay = await request("/api/runs", {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": key },
      body,
    });
    expect(replay.status).toBe(201);
    expect(((await replay.json()) as Run).id).toBe(recovered.id);
    expect(startRequests(sandbox)).toHaveLength(1);
  }, 60_000);
});
