import { describe, expect } from "vitest";
import { test } from "./sandbox-test.js";
import { seedEndUsers } from "./seed/end-users.js";

const START = "/api/workflow/start_by_name";
const startBody = {
  end_user_heron_id: seedEndUsers()[0]!.heron_id,
  workflow_name: "Standard processing",
  workflow_parameters: { amount: 12.5 },
};

describe("respond faults", () => {
  test("envelope with a given description", async ({ sandbox, heron }) => {
    sandbox.control.setFault({
      operation: "start_by_name",
      respond: {
        status: 503,
        format: "envelope",
        description: "Down for maintenance",
      },
    });
    const response = await heron.postJson(START, startBody);

    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      code: 503,
      description: "Down for maintenance",
      name: "Service Unavailable",
    });
  });

  test("envelope defaults to the reason phrase", async ({ sandbox, heron }) => {
    sandbox.control.setFault({
      operation: "list_workflows",
      respond: { status: 500, format: "envelope" },
    });
    const response = await heron.get("/api/workflow/user/workflows");

    expect(await response.json()).toEqual({
      code: 500,
      description: "Internal Server Error",
      name: "Internal Server Error",
    });
  });

  test("envelope with nested 422 details", async ({ sandbox, heron }) => {
    const description = {
      json: { workflow_parameters: { amount: ["Too big."] } },
    };
    sandbox.control.setFault({
      operation: "start_by_name",
      respond: { status: 422, format: "envelope", description },
    });
    const response = await heron.postJson(START, startBody);

    expect((await response.json()).description).toEqual(description);
  });

  test("html error page", async ({ sandbox, heron }) => {
    sandbox.control.setFault({
      operation: "start_by_name",
      respond: { status: 502, format: "html" },
    });
    const response = await heron.postJson(START, startBody);
    const text = await response.text();

    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(text).toContain("<title>502 Bad Gateway</title>");
  });

  test("fault applies before the key check", async ({ sandbox }) => {
    sandbox.control.setFault({
      operation: "list_workflows",
      respond: { status: 504, format: "html" },
    });
    const response = await fetch(`${sandbox.url}/api/workflow/user/workflows`);

    expect(response.status).toBe(504);
  });

  test("faulted responses skip rate limit", async ({ sandbox, heron }) => {
    sandbox.control.setFault({
      operation: "list_workflows",
      respond: { status: 500, format: "envelope" },
      times: 1,
    });
    const faulted = await heron.get("/api/workflow/user/workflows");
    const normal = await heron.get("/api/workflow/user/workflows");

    expect(faulted.headers.get("x-ratelimit-remaining")).toBeNull();
    expect(normal.headers.get("x-ratelimit-remaining")).toBe("99");
  });
});

describe("malformedJson", () => {
  test("200 with a body JSON cannot parse", async ({ sandbox, heron }) => {
    sandbox.control.setFault({
      operation: "start_by_name",
      malformedJson: true,
    });
    const response = await heron.postJson(START, startBody);
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });
});

describe("latency", () => {
  test("delays, then responds normally", async ({ sandbox, heron }) => {
    sandbox.control.setFault({ operation: "list_workflows", latencyMs: 300 });
    const startedMs = performance.now();
    const response = await heron.get("/api/workflow/user/workflows");
    const elapsedMs = performance.now() - startedMs;

    expect(response.status).toBe(200);
    expect(elapsedMs).toBeGreaterThanOrEqual(290);
  });

  test("delays the fault's effect", async ({ sandbox, heron }) => {
    sandbox.control.setFault({
      operation: "list_workflows",
      latencyMs: 200,
      respond: { status: 500, format: "envelope" },
    });
    const startedMs = performance.now();
    const response = await heron.get("/api/workflow/user/workflows");

    expect(response.status).toBe(500);
    expect(performance.now() - startedMs).toBeGreaterThanOrEqual(190);
  });
});

describe("hang", () => {
  test("never responds, request recorded", async ({ sandbox, heron }) => {
    sandbox.control.setFault({ operation: "start_by_name", hang: true });

    await expect(
      heron.postJson(START, startBody, { signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow(/aborted|timeout/i);
    const [recorded] = sandbox.control.requests();
    expect(recorded?.operation).toBe("start_by_name");
    expect(JSON.parse(recorded!.body.toString("utf8"))).toEqual(startBody);
  });

  test("close() ends hung requests", async ({ sandbox, heron }) => {
    sandbox.control.setFault({ operation: "*", hang: true });
    const pending = heron.get("/api/workflow/user/workflows");
    const pendingWithBody = heron.postJson(START, startBody);
    await waitForRequests(sandbox.control.requests, 2);

    const startedMs = performance.now();
    await sandbox.close();

    expect(performance.now() - startedMs).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
    await expect(pendingWithBody).rejects.toThrow();
  });

  test("close() cancels a pending latency", async ({ sandbox, heron }) => {
    sandbox.control.setFault({
      operation: "list_workflows",
      latencyMs: 60_000,
    });
    const pending = heron.get("/api/workflow/user/workflows");
    await waitForRequests(sandbox.control.requests, 1);

    const startedMs = performance.now();
    await sandbox.close();

    expect(performance.now() - startedMs).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
  });
});

describe("closeAfterRead", () => {
  test("reads the whole body, then drops", async ({ sandbox, heron }) => {
    sandbox.control.setFault({
      operation: "start_by_name",
      closeAfterRead: true,
    });
    const bigBody = {
      ...startBody,
      workflow_parameters: { blob: "x".repeat(200_000) },
    };

    const error = await heron
      .postJson(START, bigBody)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(TypeError);
    const [recorded] = sandbox.control.requests();
    expect(recorded?.body.toString("utf8")).toBe(JSON.stringify(bigBody));
  });
});

describe("fault matching", () => {
  test("times uses up the fault", async ({ sandbox, heron }) => {
    sandbox.control.setFault({
      operation: "list_workflows",
      respond: { status: 500, format: "envelope" },
      times: 2,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await heron.get("/api/workflow/user/workflows")).status);
    }

    expect(statuses).toEqual([500, 500, 200]);
  });

  test("without times it stays until cleared", async ({ sandbox, heron }) => {
    sandbox.control.setFault({
      operation: "list_workflows",
      respond: { status: 500, format: "envelope" },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await heron.get("/api/workflow/user/workflows")).status);
    }
    sandbox.control.clearFaults();
    statuses.push((await heron.get("/api/workflow/user/workflows")).status);

    expect(statuses).toEqual([500, 500, 500, 200]);
  });

  test("other operations are not affected", async ({ sandbox, heron }) => {
    sandbox.control.setFault({
      operation: "start_by_name",
      respond: { status: 500, format: "envelope" },
    });
    const response = await heron.get("/api/workflow/user/workflows");

    expect(response.status).toBe(200);
  });

  test("setFault replaces the previous fault", async ({ sandbox, heron }) => {
    sandbox.control.setFault({
      operation: "list_workflows",
      respond: { status: 500, format: "envelope" },
    });
    sandbox.control.setFault({
      operation: "list_workflows",
      respond: { status: 503, format: "envelope" },
    });
    const response = await heron.get("/api/workflow/user/workflows");

    expect(response.status).toBe(503);
  });

  test("* matches every operation", async ({ sandbox, heron }) => {
    sandbox.control.setFault({
      operation: "*",
      respond: { status: 502, format: "html" },
    });
    const workflows = await heron.get("/api/workflow/user/workflows");
    const hello = await heron.get("/api/hello_world");
    const unknown = await heron.get("/api/not_a_route");

    expect(workflows.status).toBe(502);
    expect(hello.status).toBe(502);
    expect(unknown.status).toBe(502);
  });

  test("operation fault wins over *", async ({ sandbox, heron }) => {
    sandbox.control.setFault({
      operation: "*",
      respond: { status: 502, format: "html" },
    });
    sandbox.control.setFault({
      operation: "list_workflows",
      respond: { status: 418, format: "envelope" },
    });
    const workflows = await heron.get("/api/workflow/user/workflows");
    const endUsers = await heron.get("/api/end_users?limit=1");

    expect(workflows.status).toBe(418);
    expect(endUsers.status).toBe(502);
  });

  test("control routes ignore faults", async ({ sandbox }) => {
    sandbox.control.setFault({ operation: "*", hang: true });
    const response = await fetch(`${sandbox.url}/__sandbox/requests`);

    expect(response.status).toBe(200);
  });
});

describe("setFault validation", () => {
  const INVALID = [
    [{ operation: "start" }, /operation must be one of/],
    [{ operation: "start_by_name" }, /needs latencyMs or one of/],
    [
      { operation: "start_by_name", hang: true, closeAfterRead: true },
      /at most one effect/,
    ],
    [{ operation: "start_by_name", latencyMs: -1 }, /latencyMs/],
    [{ operation: "start_by_name", hang: true, times: 0 }, /times/],
    [
      {
        operation: "start_by_name",
        respond: { status: 99, format: "envelope" },
      },
      /respond.status/,
    ],
    [
      { operation: "start_by_name", respond: { status: 500, format: "xml" } },
      /respond.format/,
    ],
    [{ operation: "start_by_name", hang: true, stauts: 500 }, /stauts/],
  ] as const;

  for (const [fault, message] of INVALID) {
    test(`rejects ${JSON.stringify(fault)}`, ({ sandbox }) => {
      expect(() =>
        sandbox.control.setFault(
          fault as unknown as Parameters<typeof sandbox.control.setFault>[0],
        ),
      ).toThrow(message);
    });
  }
});

async function waitForRequests(
  requests: () => unknown[],
  count: number,
): Promise<void> {
  const deadline = Date.now() + 2000;
  while (requests().length < count) {
    if (Date.now() > deadline)
      throw new Error(`Fewer than ${count} requests arrived.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
