import { describe, expect } from "vitest";
import { TEST_API_KEY, test } from "./sandbox-test.js";

describe("request recording", () => {
  test("keeps the exact body bytes", async ({ sandbox, heron }) => {
    const text = '{"name":"Zoë 🎉 日本"}';
    await heron.request("/api/workflow/start_by_name", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: text,
    });
    const [recorded] = sandbox.control.requests();

    expect(recorded?.body.equals(Buffer.from(text, "utf8"))).toBe(true);
    expect(recorded?.body.toString("utf8")).toBe(text);
  });

  test("keeps bytes that are not UTF-8", async ({ sandbox, heron }) => {
    const bytes = Buffer.from([0x00, 0xff, 0xfe, 0x7b, 0x80]);
    await heron.request("/api/workflow/start_by_name", {
      method: "POST",
      headers: { "content-type": "application/octet-stream" },
      body: bytes,
    });
    const [recorded] = sandbox.control.requests();

    expect(recorded?.body.equals(bytes)).toBe(true);
  });

  test("keeps whitespace and key order", async ({ sandbox, heron }) => {
    const text = '{ "workflow_name" : "x",\n  "end_user_heron_id": "y" }';
    await heron.request("/api/workflow/start_by_name", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: text,
    });

    expect(sandbox.control.requests()[0]?.body.toString("utf8")).toBe(text);
  });

  test("keeps path and query as sent", async ({ sandbox, heron }) => {
    await heron.get("/api/end_users/acct%2F2024%2F17");
    await heron.get("/api/end_users?name=caf%C3%A9&limit=5");
    const [lookup, search] = sandbox.control.requests();

    expect(lookup?.path).toBe("/api/end_users/acct%2F2024%2F17");
    expect(lookup?.url).toBe("/api/end_users/acct%2F2024%2F17");
    expect(search?.path).toBe("/api/end_users");
    expect(search?.url).toBe("/api/end_users?name=caf%C3%A9&limit=5");
  });

  test("records method, headers and time", async ({ sandbox, heron }) => {
    const beforeMs = Date.now();
    await heron.get("/api/workflow/user/workflows", {
      headers: { "x-request-id": "req-123" },
    });
    const [recorded] = sandbox.control.requests();

    expect(recorded?.method).toBe("GET");
    expect(recorded?.headers["x-api-key"]).toBe(TEST_API_KEY);
    expect(recorded?.headers["x-request-id"]).toBe("req-123");
    expect(Date.parse(recorded!.receivedAt)).toBeGreaterThanOrEqual(
      beforeMs - 1000,
    );
    expect(recorded?.body.length).toBe(0);
  });

  test("tags each operation", async ({ sandbox, heron }) => {
    await heron.get("/api/hello_world");
    await heron.get("/api/hello_world/authenticated");
    await heron.get("/api/end_users?limit=1");
    await heron.get("/api/end_users/acme-001");
    await heron.get("/api/workflow/user/workflows");
    await heron.postJson("/api/workflow/start_by_name", {});
    await heron.get("/api/workflow/executions/status/wex_x");
    await heron.get("/api/workflow/wfl_x/executions/end_user/eus_x");
    await heron.get("/api/unknown");
    await heron.get("/api/workflow/start_by_name");

    expect(sandbox.control.requests().map((entry) => entry.operation)).toEqual([
      "hello_world",
      "hello_world_authenticated",
      "list_end_users",
      "get_end_user",
      "list_workflows",
      "start_by_name",
      "execution_status",
      "list_executions",
      null,
      null,
    ]);
  });

  test("records rejected requests too", async ({ sandbox }) => {
    await fetch(`${sandbox.url}/api/end_users`);

    const [recorded] = sandbox.control.requests();
    expect(recorded?.operation).toBe("list_end_users");
    expect(recorded?.headers["x-api-key"]).toBeUndefined();
  });

  test("control requests are not recorded", async ({ sandbox }) => {
    await fetch(`${sandbox.url}/__sandbox/requests`);
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: "DELETE" });

    expect(sandbox.control.requests()).toEqual([]);
  });

  test("returned records are copies", async ({ sandbox, heron }) => {
    await heron.postJson("/api/workflow/start_by_name", { a: 1 });
    const first = sandbox.control.requests()[0]!;
    first.body.fill(0);

    expect(sandbox.control.requests()[0]?.body.toString()).toBe('{"a":1}');
  });

  test("clearRequests empties the record", async ({ sandbox, heron }) => {
    await heron.get("/api/hello_world");
    sandbox.control.clearRequests();

    expect(sandbox.control.requests()).toEqual([]);
  });
});
