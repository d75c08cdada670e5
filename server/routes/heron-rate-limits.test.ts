import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { HeronRateLimits } from "../contract/heron-data.js";
import { startBody } from "../testing/start-helpers.js";
import { startTestServer, type TestServer } from "../testing/test-server.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    sandbox: { rateLimits: { start_by_name: { limit: 5, windowSeconds: 60 } } },
  });
});

afterAll(async () => {
  await server.close();
});

async function rateLimits(): Promise<HeronRateLimits> {
  const response = await server.request("/api/heron/rate-limits");
  expect(response.status).toBe(200);
  return (await response.json()) as HeronRateLimits;
}

describe("GET /api/heron/rate-limits", () => {
  it("is empty before any Heron call", async () => {
    expect(await rateLimits()).toEqual({ rate_limits: [] });
  });

  it("shows the start budget after starts", async () => {
    await server.postRun(startBody());
    await server.postRun(startBody());

    const { rate_limits } = await rateLimits();
    const start = rate_limits.find(
      (entry) => entry.operation === "start_by_name",
    );

    expect(start?.limit).toBe(5);
    expect(start?.remaining).toBe(3);
    const resetMs = Date.parse(start?.reset_at ?? "");
    expect(resetMs - Date.now()).toBeGreaterThan(50_000);
    expect(resetMs - Date.now()).toBeLessThanOrEqual(61_000);
    expect(Date.parse(start?.observed_at ?? "")).toBeLessThanOrEqual(
      Date.now(),
    );
    expect(rate_limits.map((entry) => entry.operation)).toContain(
      "get_end_user",
    );
  });

  it("keeps the last budget when a response has none", async () => {
    server.sandbox.control.setFault({
      operation: "start_by_name",
      respond: { status: 502, format: "html" },
      times: 1,
    });

    await server.postRun(startBody());
    const start = (await rateLimits()).rate_limits.find(
      (entry) => entry.operation === "start_by_name",
    );

    expect(start?.remaining).toBe(3);
  });

  it("counts down to 0 and records the 429", async () => {
    for (let index = 0; index < 4; index += 1)
      await server.postRun(startBody());

    const start = (await rateLimits()).rate_limits.find(
      (entry) => entry.operation === "start_by_name",
    );

    expect(start?.remaining).toBe(0);
  });
});
