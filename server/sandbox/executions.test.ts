import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ExecutionStore } from "./execution-store.js";
import { test, type HeronTestClient } from "./sandbox-test.js";
import { seedEndUsers } from "./seed/end-users.js";
import { seedWorkflowDefinitions } from "./seed/workflows.js";

const STEP_MS = 1000;
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const endUser = seedEndUsers()[3]!;

function definitionNamed(name: string) {
  const definition = seedWorkflowDefinitions().find(
    (candidate) => candidate.workflow.name === name,
  );
  if (!definition) throw new Error(`No seeded workflow named ${name}`);
  return definition;
}

async function startRun(heron: HeronTestClient, workflowName: string) {
  const response = await heron.postJson("/api/workflow/start_by_name", {
    end_user_heron_id: endUser.heron_id,
    workflow_name: workflowName,
    workflow_parameters: { note: "from test" },
  });
  expect(response.status).toBe(200);
  return (await response.json()).workflow_execution_id as string;
}

async function statusAt(heron: HeronTestClient, id: string, atMs: number) {
  vi.setSystemTime(atMs);
  const response = await heron.get(`/api/workflow/executions/status/${id}`);
  expect(response.status).toBe(200);
  return response.json();
}

// Only Date is faked, so the sandbox's clock moves on command while sockets
// and timers stay real.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(T0);
});

afterEach(() => {
  vi.useRealTimers();
});

describe("execution status", () => {
  test.override({ sandboxOptions: { executionStepMs: STEP_MS } });

  test("moves from pending to completed", async ({ heron }) => {
    const { nodes } = definitionNamed("Standard processing");
    const id = await startRun(heron, "Standard processing");

    const pending = await statusAt(heron, id, T0 + 500);
    expect(pending.status).toBe("pending");
    expect(Object.keys(pending.nodes)).toEqual(nodes);
    for (const node of Object.values(pending.nodes)) {
      expect(node).toMatchObject({ status: "pending", execution_heron_id: id });
    }

    const running = await statusAt(heron, id, T0 + 2 * STEP_MS + 10);
    expect(running.status).toBe("running");
    expect(running.nodes[nodes[0]!].status).toBe("completed");
    expect(running.nodes[nodes[1]!].status).toBe("running");
    expect(running.nodes[nodes[2]!].status).toBe("pending");
    expect(running.nodes[nodes[1]!].started_time).toBe(
      new Date(T0 + 2 * STEP_MS).toISOString(),
    );
    expect(running.nodes[nodes[1]!]).not.toHaveProperty("finished_time");

    const done = await statusAt(heron, id, T0 + (nodes.length + 1) * STEP_MS);
    expect(done.status).toBe("completed");
    for (const node of Object.values(done.nodes)) {
      expect(node).toMatchObject({ status: "completed", result: { ok: true } });
    }
  });

  test("first node shows the parameters", async ({ heron }) => {
    const { nodes } = definitionNamed("Standard processing");
    const id = await startRun(heron, "Standard processing");

    const status = await statusAt(heron, id, T0 + STEP_MS);
    expect(status.nodes[nodes[0]!].inputs).toEqual({
      end_user_heron_id: endUser.heron_id,
      workflow_parameters: { note: "from test" },
    });
  });

  test("failing workflow ends failed", async ({ heron }) => {
    const { nodes, failsAtNode } = definitionNamed("Refresh credit bureau");
    const id = await startRun(heron, "Refresh credit bureau");
    const failing = nodes[failsAtNode!]!;

    const beforeFailure = await statusAt(
      heron,
      id,
      T0 + (failsAtNode! + 1) * STEP_MS,
    );
    expect(beforeFailure.status).toBe("running");
    expect(beforeFailure.nodes[failing].status).toBe("running");

    const failed = await statusAt(heron, id, T0 + (failsAtNode! + 2) * STEP_MS);
    expect(failed.status).toBe("failed");
    expect(failed.nodes[nodes[0]!].status).toBe("completed");
    expect(failed.nodes[failing].status).toBe("failed");
    expect(failed.nodes[failing].error.message).toMatch(/bureau/);
    expect(failed.nodes[nodes[failsAtNode! + 1]!].status).toBe("skipped");

    const later = await statusAt(heron, id, T0 + 100 * STEP_MS);
    expect(later.status).toBe("failed");
  });

  test("unknown execution gets 404", async ({ heron }) => {
    const response = await heron.get(
      "/api/workflow/executions/status/wex_0000000000000000000000",
    );

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      code: 404,
      description: "Workflow execution not found",
      name: "Not Found",
    });
  });
});

describe("zero step time", () => {
  test.override({ sandboxOptions: { executionStepMs: 0 } });

  test("completes at once", async ({ heron }) => {
    const id = await startRun(heron, "Standard processing");
    const status = await statusAt(heron, id, T0);

    expect(status.status).toBe("completed");
  });
});

describe("executions for a workflow and end user", () => {
  test.override({ sandboxOptions: { executionStepMs: STEP_MS } });

  const listPath = (workflowId: string, endUserId: string) =>
    `/api/workflow/${workflowId}/executions/end_user/${endUserId}`;

  test("lists newest first", async ({ heron }) => {
    const definition = definitionNamed("Standard processing");
    const first = await startRun(heron, "Standard processing");
    vi.setSystemTime(T0 + 10 * STEP_MS);
    const second = await startRun(heron, "Standard processing");
    await startRun(heron, "Sync accounting data");

    vi.setSystemTime(T0 + 10 * STEP_MS + 500);
    const response = await heron.get(
      listPath(definition.workflow.heron_id, endUser.heron_id),
    );
    const items = await response.json();

    expect(response.status).toBe(200);
    expect(items.map((item: { heron_id: string }) => item.heron_id)).toEqual([
      second,
      first,
    ]);
    expect(items[0]).toEqual({
      heron_id: second,
      created: new Date(T0 + 10 * STEP_MS).toISOString(),
      started_at: new Date(T0 + 10 * STEP_MS).toISOString(),
      status: "pending",
      end_user_heron_id: endUser.heron_id,
      end_user_name: endUser.name,
      is_silent_run: false,
      single_node_id: null,
      workflow_version_id: definition.versionId,
      workflow_version_number: definition.versionNumber,
    });
    expect(items[1].status).toBe("completed");
  });

  test("empty list when none started", async ({ heron }) => {
    const definition = definitionNamed("Archive end user");
    const response = await heron.get(
      listPath(definition.workflow.heron_id, endUser.heron_id),
    );

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([]);
  });

  test("unknown workflow gets 404", async ({ heron }) => {
    const response = await heron.get(
      listPath("wfl_0000000000000000000000", endUser.heron_id),
    );

    expect(response.status).toBe(404);
    expect((await response.json()).description).toBe("Workflow not found");
  });

  test("unknown end user gets 404", async ({ heron }) => {
    const definition = definitionNamed("Archive end user");
    const response = await heron.get(
      listPath(definition.workflow.heron_id, "eus_0000000000000000000000"),
    );

    expect(response.status).toBe(404);
    expect((await response.json()).description).toBe("End user not found");
  });
});

describe("execution ids", () => {
  it("differ between two sandbox processes", () => {
    const definition = seedWorkflowDefinitions()[0]!;
    const endUser = seedEndUsers()[0]!;
    const first = new ExecutionStore().start(definition, endUser, {}, 0);
    const second = new ExecutionStore().start(definition, endUser, {}, 0);

    expect(first.heronId).toMatch(/^wex_[A-Za-z0-9]{22}$/);
    expect(second.heronId).not.toBe(first.heronId);
  });
});
