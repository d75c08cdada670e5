import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import {
  runOf,
  seedEndUser,
  startBody,
  startRequests,
} from "../testing/start-helpers.js";
import { startTestServer, type TestServer } from "../testing/test-server.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { HERON_TIMEOUT_MS: "800" } });
});

afterEach(() => {
  server.sandbox.control.reset();
});

afterAll(async () => {
  await server.close();
});

function lookups(): number {
  return server.sandbox.control
    .requests()
    .filter((request) => request.operation === "get_end_user").length;
}

function lookupFailures(): number {
  return server.logs
    .entries()
    .filter((entry) => String(entry.msg).startsWith("end user name lookup"))
    .length;
}

describe("end user name on a new run", () => {
  it("asks Heron once when no search returned it", async () => {
    const user = seedEndUser(40);
    const body = startBody({ end_user_heron_id: user.heron_id });

    const first = await runOf(await server.postRun(body));
    const second = await runOf(await server.postRun(body));

    expect(first.end_user_name).toBe(user.name);
    expect(second.end_user_name).toBe(user.name);
    expect(lookups()).toBe(1);
  });

  it("records no name when the lookup times out", async () => {
    server.sandbox.control.setFault({ operation: "get_end_user", hang: true });
    const before = lookupFailures();
    const started = Date.now();

    const response = await server.postRun(
      startBody({ end_user_heron_id: seedEndUser(41).heron_id }),
    );
    const run = await runOf(response);

    expect(response.status).toBe(201);
    expect(run.outcome).toBe("started");
    expect(run.end_user_name).toBeNull();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(lookupFailures() - before).toBe(1);
    expect(startRequests(server.sandbox)).toHaveLength(1);
  });

  it("records no name when Heron fails the lookup", async () => {
    server.sandbox.control.setFault({
      operation: "get_end_user",
      respond: { status: 500, format: "html" },
    });

    const response = await server.postRun(
      startBody({ end_user_heron_id: seedEndUser(42).heron_id }),
    );
    const run = await runOf(response);

    expect(response.status).toBe(201);
    expect(run.end_user_name).toBeNull();
  });
});
