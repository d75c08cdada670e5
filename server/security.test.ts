import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { seedEndUsers, seedWorkflows } from "./sandbox/index.js";
import { startTestServer, type TestServer } from "./testing/test-server.js";

let server: TestServer;

const BROWSER_HEADERS = {
  cookie: "session=abc",
  authorization: "Bearer browser-token",
  "x-forwarded-for": "203.0.113.7",
  "x-custom-header": "custom",
};

function startBody() {
  return {
    end_user_heron_id: seedEndUsers()[0]?.heron_id,
    workflow_name: seedWorkflows()[0]?.name,
    workflow_parameters: {},
  };
}

/** Everything a caller or the log could see, as one string. */
async function visibleText(response: Response): Promise<string> {
  const headers = [...response.headers.entries()].flat().join("\n");
  return `${headers}\n${await response.text()}`;
}

beforeAll(async () => {
  server = await startTestServer({ env: { HERON_TIMEOUT_MS: "300" } });
});

afterEach(() => {
  server.sandbox.control.reset();
});

afterAll(async () => {
  await server.close();
});

describe("headers sent to Heron", () => {
  it("forwards no browser headers on a start", async () => {
    const cookie = `${BROWSER_HEADERS.cookie}; ${server.session?.cookie}`;
    await server.postRun(startBody(), { ...BROWSER_HEADERS, cookie });

    const [recorded] = server.sandbox.control.requests();
    for (const name of Object.keys(BROWSER_HEADERS)) {
      expect(recorded?.headers[name]).toBeUndefined();
    }
    expect(recorded?.headers["x-api-key"]).toBe(server.apiKey);
  });

  it("forwards no browser headers on a search", async () => {
    // Id-like text that the directory does not have is looked up at Heron.
    const missingId = "missing-user-7";
    const cookie = `${BROWSER_HEADERS.cookie}; ${server.session?.cookie}`;
    const response = await server.request(
      `/api/end-users?search=${missingId}`,
      { headers: { ...BROWSER_HEADERS, cookie } },
    );
    expect(response.status).toBe(200);

    const lookups = server.sandbox.control
      .requests()
      .filter((request) => request.operation === "get_end_user");
    expect(lookups).toHaveLength(1);
    expect(lookups[0]?.path).toBe(`/api/end_users/${missingId}`);
    for (const name of Object.keys(BROWSER_HEADERS)) {
      expect(lookups[0]?.headers[name]).toBeUndefined();
    }
    expect(lookups[0]?.headers["x-api-key"]).toBe(server.apiKey);
  });
});

describe("API key", () => {
  it("stays out of responses and logs", async () => {
    const seen: string[] = [];

    seen.push(await visibleText(await server.postRun(startBody())));
    seen.push(
      await visibleText(await server.request("/api/end-users?search=")),
    );
    seen.push(await visibleText(await server.request("/api/workflows")));
    seen.push(await visibleText(await server.request("/api/runs")));

    server.sandbox.control.setFault({
      operation: "start_by_name",
      respond: { status: 500, format: "envelope" },
    });
    seen.push(await visibleText(await server.postRun(startBody())));

    server.sandbox.control.setFault({ operation: "start_by_name", hang: true });
    seen.push(await visibleText(await server.postRun(startBody())));

    server.sandbox.control.setFault({
      operation: "start_by_name",
      respond: {
        status: 401,
        format: "envelope",
        description: `Invalid key ${server.apiKey}`,
      },
    });
    seen.push(await visibleText(await server.postRun(startBody())));

    server.sandbox.control.setFault({
      operation: "start_by_name",
      respond: { status: 502, format: "html", description: server.apiKey },
    });
    seen.push(await visibleText(await server.postRun(startBody())));
    seen.push(await visibleText(await server.request("/api/runs")));

    expect(seen).toHaveLength(9);
    for (const text of seen) expect(text).not.toContain(server.apiKey);
    expect(server.logs.lines.length).toBeGreaterThan(9);
    expect(server.logs.text()).not.toContain(server.apiKey);
  });

  it("is redacted when logged by mistake", () => {
    server.logger.info(
      { apiKey: server.apiKey, config: { heron: { api_key: server.apiKey } } },
      "redaction check",
    );

    expect(server.logs.text()).not.toContain(server.apiKey);
    expect(server.logs.text()).toContain("redaction check");
  });
});
