import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { ExecutionStatusResult } from "../contract/executions.js";
import type { Run } from "../contract/runs.js";
import {
  errorOf,
  runOf,
  seedWorkflow,
  startBody,
  startRequests,
  waitUntil,
} from "../testing/start-helpers.js";
import { startTestServer, type TestServer } from "../testing/test-server.js";

const TIMEOUT_MS = 500;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    env: { HERON_TIMEOUT_MS: String(TIMEOUT_MS) },
    sandbox: { executionStepMs: 100 },
  });
});

afterEach(() => {
  server.sandbox.control.reset();
});

afterAll(async () => {
  await server.close();
});

/** Starts a run that ends unknown; with `executes`, Heron still starts it. */
async function startUnknownRun(executes: boolean): Promise<Run> {
  server.sandbox.control.setFault({
    operation: "start_by_name",
    // Heron handles the start after the console gave up waiting.
    ...(executes ? { latencyMs: TIMEOUT_MS + 300 } : { hang: true }),
    times: 1,
  });
  const error = await errorOf(await server.postRun(startBody()));
  const run = error.runId ? await server.store.getRun(error.runId) : null;
  if (run?.outcome !== "unknown") throw new Error("the run is not unknown");
  if (executes) await waitForExecutions(run, 1);
  return run;
}

/** Polls the sandbox's execution list until it has `count` executions. */
async function waitForExecutions(run: Run, count: number): Promise<void> {
  const workflow = seedWorkflow(run.workflow_name);
  const url =
    `${server.sandbox.url}/api/workflow/${workflow.heron_id}` +
    `/executions/end_user/${run.end_user_heron_id}`;
  await waitUntil(
    async () => {
      const response = await fetch(url, {
        headers: { "x-api-key": server.apiKey },
      });
      return ((await response.json()) as unknown[]).length;
    },
    (listed) => listed >= count,
  );
}

async function reconcile(runId: string) {
  const response = await server.request(`/api/runs/${runId}/reconcile`, {
    method: "POST",
  });
  return { response, run: (await response.json()) as Run };
}

function heronCalls(operation: string): number {
  return server.sandbox.control
    .requests()
    .filter((request) => request.operation === operation).length;
}

describe("POST /api/runs/:id/reconcile", () => {
  it("marks an unknown run started when Heron lists it", async () => {
    const unknown = await startUnknownRun(true);

    const { response, run } = await reconcile(unknown.id);

    expect(response.status).toBe(200);
    expect(run.outcome).toBe("started");
    expect(run.workflow_execution_id).toMatch(/^wex_/);
    expect(run.reconciled_at).not.toBeNull();
    expect(run.reconciliation_checked_at).toBe(run.reconciled_at);
    expect(run.reconciliation_note).toContain(run.workflow_execution_id);
    expect(run.error_message).toBe(unknown.error_message);
    expect(await server.store.getRun(unknown.id)).toEqual(run);
    expect(startRequests(server.sandbox)).toHaveLength(1);
  });

  it("keeps a run unknown when Heron lists nothing", async () => {
    const unknown = await startUnknownRun(false);

    const { response, run } = await reconcile(unknown.id);

    expect(response.status).toBe(200);
    expect(run.outcome).toBe("unknown");
    expect(run.workflow_execution_id).toBeNull();
    expect(run.reconciled_at).toBeNull();
    expect(run.reconciliation_checked_at).not.toBeNull();
    expect(run.reconciliation_note).toContain(
      `No matching execution at ${run.reconciliation_checked_at}`,
    );
    expect(run.reconciliation_note).toContain("Heron's dashboard");
    expect(startRequests(server.sandbox)).toHaveLength(1);
  });

  it("notes a rejected execution list", async () => {
    const unknown = await startUnknownRun(true);
    server.sandbox.control.setFault({
      operation: "list_executions",
      respond: { status: 403, format: "envelope" },
    });

    const { response, run } = await reconcile(unknown.id);

    expect(response.status).toBe(200);
    expect(run.outcome).toBe("unknown");
    expect(run.reconciliation_note).toMatch(
      /^Execution list unavailable for this key: Heron responded 403/,
    );
  });

  it("notes a Heron timeout and stays unknown", async () => {
    const unknown = await startUnknownRun(false);
    server.sandbox.control.setFault({
      operation: "list_executions",
      hang: true,
    });

    const { response, run } = await reconcile(unknown.id);

    expect(response.status).toBe(200);
    expect(run.outcome).toBe("unknown");
    expect(run.reconciliation_note).toContain("Checking at Heron failed");
  });

  it("never claims one execution for two runs", async () => {
    const first = await startUnknownRun(true);
    const second = await startUnknownRun(false);

    const reconciledFirst = (await reconcile(first.id)).run;
    const reconciledSecond = (await reconcile(second.id)).run;

    expect(reconciledFirst.outcome).toBe("started");
    expect(reconciledSecond.outcome).toBe("unknown");
  });

  it("returns a run that is not unknown unchanged", async () => {
    const started = await runOf(await server.postRun(startBody()));
    server.sandbox.control.clearRequests();

    const { response, run } = await reconcile(started.id);

    expect(response.status).toBe(200);
    expect(run).toEqual(started);
    expect(server.sandbox.control.requests()).toHaveLength(0);
  });

  it("returns 404 for an unknown id", async () => {
    const response = await server.request("/api/runs/run_nope/reconcile", {
      method: "POST",
    });
    const error = await errorOf(response);

    expect(response.status).toBe(404);
    expect(error.message).toContain("run_nope");
  });

  it("checks unknown runs on its own after a delay", async () => {
    const timed = await startTestServer({
      env: { HERON_TIMEOUT_MS: "300", RECONCILE_DELAYS_MS: "100,2000" },
    });
    try {
      timed.sandbox.control.setFault({
        operation: "start_by_name",
        latencyMs: 1500,
        times: 1,
      });
      const error = await errorOf(await timed.postRun(startBody()));

      const run = await waitUntil(
        () => timed.store.getRun(error.runId ?? ""),
        (current) => current?.outcome === "started",
      );
      const listCalls = timed.sandbox.control
        .requests()
        .filter((request) => request.operation === "list_executions");

      expect(run?.reconciled_at).not.toBeNull();
      // The first check came before Heron created the execution.
      expect(listCalls).toHaveLength(2);
    } finally {
      await timed.close();
    }
  });
});

describe("GET /api/runs/:id/execution", () => {
  async function executionOf(runId: string) {
    const response = await server.request(`/api/runs/${runId}/execution`);
    return {
      response,
      body: (await response.json()) as ExecutionStatusResult,
    };
  }

  it("follows an execution until it completes", async () => {
    const run = await runOf(await server.postRun(startBody()));
    const seen = new Set<string | null>();

    const last = await waitUntil(
      async () => {
        const { body } = await executionOf(run.id);
        if (body.available) seen.add(body.status);
        return body;
      },
      (body) => !body.available || body.finished,
    );
    const stored = await server.store.getRun(run.id);

    if (!last.available) throw new Error("status unavailable");
    expect(last.status).toBe("completed");
    expect(seen.has("running")).toBe(true);
    expect(last.nodes.map((node) => node.name)).toEqual([
      "fetch_data_sources",
      "categorise_transactions",
      "compute_scorecard",
      "notify_owner",
    ]);
    expect(last.nodes.every((node) => node.status === "completed")).toBe(true);
    expect(last.nodes[0]?.started_time).toMatch(/Z$/);
    expect(last.nodes[0]?.finished_time).toMatch(/Z$/);
    expect(stored?.execution_status).toBe("completed");
    expect(stored?.execution_status_at).toBe(last.checked_at);
  });

  it("reports a failed node with its error", async () => {
    const run = await runOf(
      await server.postRun(
        startBody({ workflow_name: "Refresh credit bureau" }),
      ),
    );

    const last = await waitUntil(
      async () => (await executionOf(run.id)).body,
      (body) => !body.available || body.finished,
    );

    if (!last.available) throw new Error("status unavailable");
    expect(last.status).toBe("failed");
    const failed = last.nodes.find((node) => node.status === "failed");
    expect(failed?.error).toMatch(/\S/);
    expect(last.nodes.at(-1)?.status).toBe("skipped");
  });

  it.each([401, 403, 404])(
    "reports Heron's %i as unavailable",
    async (status) => {
      const run = await runOf(await server.postRun(startBody()));
      server.sandbox.control.setFault({
        operation: "execution_status",
        respond: { status, format: "envelope" },
      });

      const { response, body } = await executionOf(run.id);

      expect(response.status).toBe(200);
      expect(body).toEqual({
        available: false,
        reason:
          "Status unavailable for this key: Heron's execution status " +
          "endpoint is for admin keys.",
      });
      expect((await server.store.getRun(run.id))?.execution_status).toBeNull();
    },
  );

  it("returns 504 when Heron does not respond", async () => {
    const run = await runOf(await server.postRun(startBody()));
    server.sandbox.control.setFault({
      operation: "execution_status",
      hang: true,
    });

    const { response } = await executionOf(run.id);

    expect(response.status).toBe(504);
  });

  it("returns 409 for a run without an execution id", async () => {
    const unknown = await startUnknownRun(false);

    const response = await server.request(`/api/runs/${unknown.id}/execution`);
    const error = await errorOf(response);

    expect(response.status).toBe(409);
    expect(error.code).toBe("no_execution_id");
    expect(error.message).toContain(unknown.id);
    expect(error.message).toContain("outcome is unknown");
    expect(heronCalls("execution_status")).toBe(0);
  });

  it("returns 404 for an unknown id", async () => {
    const response = await server.request("/api/runs/run_nope/execution");

    expect(response.status).toBe(404);
  });
});
