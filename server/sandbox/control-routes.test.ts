import { describe, expect } from "vitest";
import type { RecordedRequestJson } from "./control-router.js";
import { test } from "./sandbox-test.js";
import { seedEndUsers } from "./seed/end-users.js";

const postFault = (baseUrl: string, body: string) =>
  fetch(`${baseUrl}/__sandbox/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });

describe("POST /__sandbox/faults", () => {
  test("sets a fault", async ({ sandbox, heron }) => {
    const response = await postFault(
      sandbox.url,
      JSON.stringify({
        operation: "list_workflows",
        respond: { status: 503, format: "envelope" },
        times: 1,
      }),
    );
    const faulted = await heron.get("/api/workflow/user/workflows");
    const normal = await heron.get("/api/workflow/user/workflows");

    expect(response.status).toBe(204);
    expect(faulted.status).toBe(503);
    expect(normal.status).toBe(200);
  });

  test("invalid JSON gets 400", async ({ sandbox }) => {
    const response = await postFault(sandbox.url, "{operation:");
    const body = await response.json();

    expect(response.status).toBe(400);
    expect(body.error).toMatch(/must be a JSON object/);
  });

  test("invalid fault gets 400 naming the field", async ({ sandbox }) => {
    const response = await postFault(
      sandbox.url,
      JSON.stringify({ operation: "start_by_name", latencyMs: "slow" }),
    );
    const body = await response.json();

    expect(response.status).toBe(400);
    expect(body.error).toMatch(/^Invalid fault: latencyMs: /);
  });

  test("unknown operation gets 400", async ({ sandbox }) => {
    const response = await postFault(
      sandbox.url,
      JSON.stringify({ operation: "start", hang: true }),
    );
    const body = await response.json();

    expect(response.status).toBe(400);
    expect(body.error).toMatch(/operation must be one of hello_world, /);
  });

  test("needs no api key", async ({ sandbox }) => {
    const response = await postFault(
      sandbox.url,
      JSON.stringify({ operation: "*", latencyMs: 0 }),
    );

    expect(response.status).toBe(204);
  });
});

describe("DELETE /__sandbox/faults", () => {
  test("clears every fault", async ({ sandbox, heron }) => {
    sandbox.control.setFault({
      operation: "*",
      respond: { status: 500, format: "envelope" },
    });
    const response = await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: "DELETE",
    });
    const after = await heron.get("/api/workflow/user/workflows");

    expect(response.status).toBe(204);
    expect(after.status).toBe(200);
  });
});

describe("GET /__sandbox/requests", () => {
  test("lists bodies as text and base64", async ({ sandbox, heron }) => {
    const text = '{"name":"Zoë 🎉 日本"}';
    await heron.request("/api/workflow/start_by_name", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: text,
    });
    const response = await fetch(`${sandbox.url}/__sandbox/requests`);
    const entries = (await response.json()) as RecordedRequestJson[];

    expect(response.status).toBe(200);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      method: "POST",
      path: "/api/workflow/start_by_name",
      url: "/api/workflow/start_by_name",
      operation: "start_by_name",
      body_text: text,
      body_base64: Buffer.from(text, "utf8").toString("base64"),
    });
    expect(entries[0]?.headers["content-type"]).toBe("application/json");
    expect(typeof entries[0]?.receivedAt).toBe("string");
  });

  test("filters by operation", async ({ sandbox, heron }) => {
    await heron.get("/api/hello_world");
    await heron.postJson("/api/workflow/start_by_name", {
      end_user_heron_id: seedEndUsers()[0]!.heron_id,
      workflow_name: "Standard processing",
    });
    await heron.get("/api/workflow/user/workflows");
    const response = await fetch(
      `${sandbox.url}/__sandbox/requests?operation=start_by_name`,
    );
    const entries = (await response.json()) as RecordedRequestJson[];

    expect(entries.map((entry) => entry.operation)).toEqual(["start_by_name"]);
  });

  test("unknown operation filter gets 400", async ({ sandbox }) => {
    const response = await fetch(
      `${sandbox.url}/__sandbox/requests?operation=start`,
    );

    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/Unknown operation "start"/);
  });
});

describe("DELETE /__sandbox/requests", () => {
  test("clears the record", async ({ sandbox, heron }) => {
    await heron.get("/api/hello_world");
    const response = await fetch(`${sandbox.url}/__sandbox/requests`, {
      method: "DELETE",
    });

    expect(response.status).toBe(204);
    expect(sandbox.control.requests()).toEqual([]);
  });
});

describe("POST /__sandbox/reset", () => {
  test.override({
    sandboxOptions: {
      rateLimits: { start_by_name: { limit: 1, windowSeconds: 60 } },
    },
  });

  test("clears faults, requests, limits, executions", async ({
    sandbox,
    heron,
  }) => {
    const start = await heron.postJson("/api/workflow/start_by_name", {
      end_user_heron_id: seedEndUsers()[0]!.heron_id,
      workflow_name: "Standard processing",
    });
    const { workflow_execution_id: executionId } = await start.json();
    sandbox.control.setFault({
      operation: "list_workflows",
      respond: { status: 500, format: "envelope" },
    });

    const response = await fetch(`${sandbox.url}/__sandbox/reset`, {
      method: "POST",
    });
    expect(response.status).toBe(204);
    expect(sandbox.control.requests()).toEqual([]);

    const status = await heron.get(
      `/api/workflow/executions/status/${executionId}`,
    );
    const workflows = await heron.get("/api/workflow/user/workflows");
    const again = await heron.postJson("/api/workflow/start_by_name", {
      end_user_heron_id: seedEndUsers()[0]!.heron_id,
      workflow_name: "Standard processing",
    });
    expect(status.status).toBe(404);
    expect(workflows.status).toBe(200);
    expect(again.status).toBe(200);
    expect((await again.json()).workflow_execution_id).not.toBe(executionId);
  });

  test("control routes are not rate limited", async ({ sandbox }) => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await fetch(`${sandbox.url}/__sandbox/reset`, {
        method: "POST",
      });
      statuses.push(response.status);
      expect(response.headers.get("x-ratelimit-limit")).toBeNull();
    }

    expect(statuses).toEqual([204, 204, 204, 204, 204]);
  });
});

describe("unknown control route", () => {
  test("gets 404 with the routes listed", async ({ sandbox }) => {
    const response = await fetch(`${sandbox.url}/__sandbox/nothing`);
    const body = await response.json();

    expect(response.status).toBe(404);
    expect(body.error).toMatch(/\/__sandbox\/faults/);
  });
});
