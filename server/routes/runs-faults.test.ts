import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { Run } from "../contract/runs.js";
import type { FaultSpec } from "../sandbox/index.js";
import {
  errorOf,
  runOf,
  startBody,
  startRequests,
} from "../testing/start-helpers.js";
import { startTestServer, type TestServer } from "../testing/test-server.js";

// Each Heron fault against one start: the HTTP response, the recorded outcome
// and message, and exactly one start request at Heron, never a retry.

const TIMEOUT_MS = 1500;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    env: { HERON_TIMEOUT_MS: String(TIMEOUT_MS) },
    // One start per 30 s window, so a second start meets a real 429.
    sandbox: { rateLimits: { start_by_name: { limit: 1, windowSeconds: 30 } } },
  });
});

afterEach(() => {
  server.sandbox.control.reset();
});

afterAll(async () => {
  await server.close();
});

async function recordedRun(runId: string | undefined): Promise<Run> {
  if (!runId) throw new Error("the error names no run");
  const run = await server.store.getRun(runId);
  if (!run) throw new Error(`run ${runId} is not recorded`);
  return run;
}

describe("start fault matrix", () => {
  it.each<{
    name: string;
    fault: Omit<FaultSpec, "operation">;
    status: number;
    code: string;
    outcome: Run["outcome"];
    message: RegExp;
  }>([
    {
      name: "hang past the timeout",
      fault: { hang: true },
      status: 504,
      code: "heron_timeout",
      outcome: "unknown",
      message: /did not respond within 1.5 s, so the workflow may have started/,
    },
    {
      name: "connection closed after the request",
      fault: { closeAfterRead: true },
      status: 502,
      code: "heron_unavailable",
      outcome: "unknown",
      message: /connection to Heron closed after the start request was sent/,
    },
    {
      name: "HTML 502 page",
      fault: { respond: { status: 502, format: "html" } },
      status: 502,
      code: "heron_unavailable",
      outcome: "failed",
      message: /Heron failed on the workflow start with HTTP 502/,
    },
    {
      name: "302 redirect",
      fault: { respond: { status: 302, format: "html" } },
      status: 502,
      code: "heron_unavailable",
      outcome: "rejected",
      message:
        /Heron redirected the workflow start \(HTTP 302\) instead of answering.*check HERON_BASE_URL.*did not confirm a start, so the run is recorded Rejected\.$/,
    },
    {
      name: "malformed JSON with 200",
      fault: { malformedJson: true },
      status: 502,
      code: "heron_bad_response",
      outcome: "unknown",
      message: /probably started, but the console could not read/,
    },
  ])("$name", async ({ fault, status, code, outcome, message }) => {
    server.sandbox.control.setFault({ operation: "start_by_name", ...fault });

    const response = await server.postRun(startBody());
    const error = await errorOf(response);
    const run = await recordedRun(error.runId);

    expect(response.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(run.outcome).toBe(outcome);
    expect(run.error_message).toBe(error.message);
    expect(startRequests(server.sandbox)).toHaveLength(1);
  });

  it("429 with the window resetting in 30 s", async () => {
    const first = await server.postRun(startBody());
    server.sandbox.control.clearRequests();

    const response = await server.postRun(startBody());
    const error = await errorOf(response);
    const run = await recordedRun(error.runId);

    expect(first.status).toBe(201);
    expect(response.status).toBe(429);
    expect(error.code).toBe("heron_rate_limited");
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(28);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(31);
    expect(response.headers.get("retry-after")).toBe(
      String(error.retryAfterSeconds),
    );
    expect(error.message).toContain("1 per 30 seconds");
    expect(run.outcome).toBe("rejected");
    expect(run.http_status).toBe(429);
    expect(startRequests(server.sandbox)).toHaveLength(1);
  });

  it("latency just under the timeout", async () => {
    server.sandbox.control.setFault({
      operation: "start_by_name",
      latencyMs: TIMEOUT_MS - 500,
    });

    const response = await server.postRun(startBody());
    const run = await runOf(response);

    expect(response.status).toBe(201);
    expect(run.outcome).toBe("started");
    expect(run.workflow_execution_id).toMatch(/^wex_/);
    expect(run.error_message).toBeNull();
    expect(await server.store.getRun(run.id)).toEqual(run);
    expect(startRequests(server.sandbox)).toHaveLength(1);
  });
});
