import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { ApiErrorBody } from "./contract/errors.js";
import type { Health } from "./contract/heron-data.js";
import type { Run } from "./contract/runs.js";
import { seedEndUsers, seedWorkflows } from "./sandbox/index.js";
import {
  makeTempDir,
  startTestServer,
  type TestServer,
} from "./testing/test-server.js";

let server: TestServer;
const webDir = makeTempDir();

beforeAll(async () => {
  mkdirSync(join(webDir.path, "assets"));
  writeFileSync(join(webDir.path, "index.html"), "<!doctype html><p>console");
  writeFileSync(join(webDir.path, "assets", "app.js"), "console.log(1);");
  server = await startTestServer({ staticDir: webDir.path });
});

afterAll(async () => {
  await server.close();
  webDir.remove();
});

describe("GET /api/health", () => {
  it("responds without calling Heron", async () => {
    const response = await server.request("/api/health");
    const body = (await response.json()) as Health;

    expect(response.status).toBe(200);
    expect(body).toEqual({
      status: "ok",
      heron_mode: "heron",
      version: "0.1.0",
    });
    expect(server.sandbox.control.requests()).toHaveLength(0);
  });
});

describe("request ids", () => {
  it("reuses a safe incoming id and sends it to Heron", async () => {
    const id = "3f2a9c1e-7b4d-4e8a-9c0f-1a2b3c4d5e6f";
    const response = await server.request("/api/workflows", {
      headers: { "x-request-id": id },
    });

    expect(response.headers.get("x-request-id")).toBe(id);
    const recorded = server.sandbox.control.requests().at(-1);
    expect(recorded?.headers["x-request-id"]).toBe(id);
  });

  it.each([
    ["too long", "a".repeat(65)],
    ["unsafe characters", "id with spaces<script>"],
  ])("replaces an incoming id that is %s", async (_name, id) => {
    const response = await server.request("/api/health", {
      headers: { "x-request-id": id },
    });

    expect(response.headers.get("x-request-id")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });

  it("logs one line per request with the id", async () => {
    const response = await server.request("/api/health?secret=1");
    const id = response.headers.get("x-request-id");

    const lines = server.logs
      .entries()
      .filter((entry) => entry.requestId === id && entry.req);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      req: { method: "GET", path: "/api/health" },
      res: { status: 200 },
      msg: "request completed",
    });
    expect(typeof lines[0]?.ms).toBe("number");
    expect(JSON.stringify(lines[0])).not.toContain("secret");
  });
});

describe("app errors", () => {
  it("returns JSON 404 for unknown API routes", async () => {
    const response = await server.request("/api/nothing-here?x=1");
    const { error } = (await response.json()) as ApiErrorBody;

    expect(response.status).toBe(404);
    expect(error.code).toBe("not_found");
    expect(error.message).toContain("GET /api/nothing-here");
    expect(error.requestId).toBe(response.headers.get("x-request-id"));
  });

  it("returns 400 for invalid percent-encoding", async () => {
    const response = await server.request("/api/runs/%ZZ");
    const { error } = (await response.json()) as ApiErrorBody;

    expect(response.status).toBe(400);
    expect(error.code).toBe("validation_failed");
    expect(error.message).toContain("percent-encoding");
  });

  it("returns 400 for a body that is not gzip", async () => {
    server.sandbox.control.clearRequests();
    const response = await server.request("/api/runs", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "content-encoding": "gzip",
      },
      body: '{"a":1}',
    });
    const { error } = (await response.json()) as ApiErrorBody;

    expect(response.status).toBe(400);
    expect(error.code).toBe("validation_failed");
    expect(server.sandbox.control.requests()).toHaveLength(0);
  });
});

describe("web app", () => {
  it("serves static files", async () => {
    const response = await server.request("/assets/app.js");

    expect(response.status).toBe(200);
    expect(await response.text()).toBe("console.log(1);");
  });

  it("serves index.html for page paths", async () => {
    const response = await server.request("/history/run_123");

    expect(response.status).toBe(200);
    expect(await response.text()).toContain("console");
  });

  it("returns 404 for a missing asset", async () => {
    const response = await server.request("/assets/gone-1234.js");

    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("<!doctype html>");
  });

  it("sets a strict content security policy", async () => {
    const response = await server.request("/");
    const policy = response.headers.get("content-security-policy") ?? "";

    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("leaves out HSTS over plain http", async () => {
    const response = await server.request("/");

    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  it("sends HSTS behind a trusted HTTPS proxy", async () => {
    const proxied = await startTestServer({
      env: { TRUST_PROXY: "loopback" },
      staticDir: webDir.path,
    });
    try {
      const response = await proxied.request("/", {
        headers: { "x-forwarded-proto": "https" },
      });

      expect(response.headers.get("strict-transport-security")).toContain(
        "max-age=",
      );
    } finally {
      await proxied.close();
    }
  });
});

describe("unexpected errors", () => {
  it("hides unexpected error details", async () => {
    const faulty = await startTestServer({
      wrapHeron: (heron) => ({
        ...heron,
        listWorkflows: async () => {
          throw new Error("disk on fire");
        },
      }),
    });

    const response = await faulty.request("/api/workflows");
    const body = await response.text();
    const logged = faulty.logs.text();
    await faulty.close();

    expect(response.status).toBe(500);
    expect(JSON.parse(body)).toMatchObject({ error: { code: "internal" } });
    expect(body).not.toContain("disk on fire");
    expect(logged).toContain("disk on fire");
  });

  it("records a start that failed unexpectedly", async () => {
    const faulty = await startTestServer({
      wrapHeron: (heron) => ({
        ...heron,
        startWorkflowByName: async () => {
          throw new Error("socket library bug");
        },
      }),
    });

    const response = await faulty.postRun({
      end_user_heron_id: seedEndUsers()[0]?.heron_id,
      workflow_name: seedWorkflows()[0]?.name,
      workflow_parameters: {},
    });
    const { error } = (await response.json()) as ApiErrorBody;
    const run = error.runId ? await faulty.store.getRun(error.runId) : null;
    const logged = faulty.logs.text();
    await faulty.close();

    expect(response.status).toBe(500);
    expect(error.code).toBe("internal");
    expect(error.message).not.toContain("socket library bug");
    expect(run?.outcome).toBe("unknown");
    expect(logged).toContain("socket library bug");
  });

  it("returns a start whose outcome was not recorded", async () => {
    const faulty = await startTestServer({
      wrapStore: (store) => ({
        ...store,
        completeRun: async () => {
          throw new Error("disk full");
        },
      }),
    });

    const response = await faulty.postRun({
      end_user_heron_id: seedEndUsers()[0]?.heron_id,
      workflow_name: seedWorkflows()[0]?.name,
      workflow_parameters: {},
    });
    const run = (await response.json()) as Run;
    const stored = await faulty.store.getRun(run.id);
    const logged = faulty.logs.text();
    await faulty.close();

    expect(response.status).toBe(201);
    expect(run.outcome).toBe("started");
    expect(stored?.outcome).toBe("sending");
    expect(logged).toContain("recording the outcome of a run failed");
  });
});
