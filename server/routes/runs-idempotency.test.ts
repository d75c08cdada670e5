import { randomUUID } from "node:crypto";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { ApiErrorBody } from "../contract/errors.js";
import type { Run } from "../contract/runs.js";
import {
  errorOf,
  runOf,
  seedEndUser,
  startBody as seedStartBody,
  startRequests,
} from "../testing/start-helpers.js";
import { startTestServer, type TestServer } from "../testing/test-server.js";

let server: TestServer;
let nextEndUser = 10;

// The duplicate check is on here, so each start goes to another end user
// unless a test means to start the same pair twice.
function startBody(overrides: Record<string, unknown> = {}) {
  const endUser = seedEndUser(nextEndUser++);
  return seedStartBody({ end_user_heron_id: endUser.heron_id, ...overrides });
}

beforeAll(async () => {
  server = await startTestServer({
    env: { HERON_TIMEOUT_MS: "1000", DUPLICATE_WINDOW_MINUTES: "10" },
  });
});

afterEach(() => {
  server.sandbox.control.reset();
});

afterAll(async () => {
  await server.close();
});

function postWithKey(body: unknown, key: string): Promise<Response> {
  return server.postRun(body, { "idempotency-key": key });
}

function countRows(key: string): number {
  const row = server.sqlite
    .prepare("select count(*) as count from runs where idempotency_key = ?")
    .get(key) as { count: number };
  return row.count;
}

describe("Idempotency-Key", () => {
  it("starts parallel requests once", async () => {
    const key = randomUUID();
    const body = startBody();
    server.sandbox.control.setFault({
      operation: "start_by_name",
      latencyMs: 300,
    });

    const [first, second] = await Promise.all([
      postWithKey(body, key),
      postWithKey(body, key),
    ]);
    const [firstRun, secondRun] = [await runOf(first), await runOf(second)];

    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(secondRun).toEqual(firstRun);
    expect(firstRun.outcome).toBe("started");
    expect(first.headers.get("location")).toBe(second.headers.get("location"));
    expect(
      [first, second].filter((r) => r.headers.has("idempotent-replayed")),
    ).toHaveLength(1);
    expect(startRequests(server.sandbox)).toHaveLength(1);
    expect(countRows(key)).toBe(1);
  });

  it("replays an error without calling Heron again", async () => {
    const key = randomUUID();
    const body = startBody({ workflow_name: "No such workflow" });

    const first = await postWithKey(body, key);
    const second = await postWithKey(body, key);
    const [firstError, secondError] = [
      await errorOf(first),
      await errorOf(second),
    ];

    expect(first.status).toBe(404);
    expect(second.status).toBe(404);
    expect({ ...secondError, requestId: "" }).toEqual({
      ...firstError,
      requestId: "",
    });
    expect(secondError.runId).toMatch(/^run_/);
    expect(startRequests(server.sandbox)).toHaveLength(1);
    expect(countRows(key)).toBe(1);
  });

  it("replays an unknown outcome after a timeout", async () => {
    const key = randomUUID();
    const body = startBody({ workflow_parameters: { case: "timeout" } });
    server.sandbox.control.setFault({
      operation: "start_by_name",
      hang: true,
      times: 1,
    });

    const [first, second] = await Promise.all([
      postWithKey(body, key),
      postWithKey(body, key),
    ]);
    const third = await postWithKey(body, key);

    expect([first.status, second.status, third.status]).toEqual([
      504, 504, 504,
    ]);
    const errors = [await errorOf(first), await errorOf(third)];
    expect(errors[1]?.runId).toBe(errors[0]?.runId);
    expect(errors[1]?.message).toBe(errors[0]?.message);
    expect(startRequests(server.sandbox)).toHaveLength(1);
  });

  it("rejects the same key with other content", async () => {
    const key = randomUUID();
    const body = startBody({ workflow_parameters: { a: 1 } });
    const first = await postWithKey(body, key);
    const run = await runOf(first);

    const second = await postWithKey(
      { ...body, workflow_parameters: { a: 2 }, allow_duplicate: true },
      key,
    );
    const error = await errorOf(second);

    expect(first.status).toBe(201);
    expect(second.status).toBe(422);
    expect(error.code).toBe("idempotency_conflict");
    expect(error.runId).toBe(run.id);
    expect(error.message).toContain(run.id);
    expect(startRequests(server.sandbox)).toHaveLength(1);
  });

  it("treats parameters in another key order as other content", async () => {
    const key = randomUUID();
    const body = startBody({ workflow_parameters: { a: 1, b: 2 } });
    await postWithKey(body, key);

    const second = await postWithKey(
      { ...body, workflow_parameters: { b: 2, a: 1 }, allow_duplicate: true },
      key,
    );

    expect(second.status).toBe(422);
    expect(startRequests(server.sandbox)).toHaveLength(1);
  });

  it("keeps a key after a duplicate rejection", async () => {
    const body = startBody({ workflow_parameters: { case: "duplicate" } });
    const first = await postWithKey(body, randomUUID());
    const key = randomUUID();

    const rejected = await postWithKey(body, key);
    const confirmed = await postWithKey(
      { ...body, allow_duplicate: true },
      key,
    );
    const replayed = await postWithKey({ ...body, allow_duplicate: true }, key);

    expect(first.status).toBe(201);
    expect(rejected.status).toBe(409);
    expect(confirmed.status).toBe(201);
    expect(replayed.status).toBe(201);
    expect((await runOf(replayed)).id).toBe((await runOf(confirmed)).id);
    expect(startRequests(server.sandbox)).toHaveLength(2);
  });

  it.each([
    ["empty", ""],
    ["too long", "k".repeat(129)],
    ["with a space", "two words"],
    ["non-ASCII", "schlüssel"],
  ])("rejects a key that is %s", async (_name, key) => {
    const response = await server.request("/api/runs", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "idempotency-key": Buffer.from(key, "utf8").toString("latin1"),
      },
      body: JSON.stringify(startBody()),
    });
    const { error } = (await response.json()) as ApiErrorBody;

    expect(response.status).toBe(400);
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.fields ?? {})).toEqual(["Idempotency-Key"]);
    expect(error.message).toContain("Idempotency-Key");
    expect(startRequests(server.sandbox)).toHaveLength(0);
  });

  it("accepts 128 visible characters", async () => {
    const key = "!~".repeat(64);

    const response = await postWithKey(
      startBody({ workflow_parameters: { case: "long key" } }),
      key,
    );

    expect(response.status).toBe(201);
    expect(countRows(key)).toBe(1);
  });

  it("replays a started run even after later changes", async () => {
    const key = randomUUID();
    const body = startBody({ workflow_parameters: { case: "later" } });
    const first = await runOf(await postWithKey(body, key));
    await server.request(`/api/runs/${first.id}/execution`);

    const again = await postWithKey(body, key);
    const run: Run = await runOf(again);

    expect(again.status).toBe(201);
    expect(run.id).toBe(first.id);
    expect(run.execution_status).not.toBeNull();
    expect(startRequests(server.sandbox)).toHaveLength(1);
  });
});
