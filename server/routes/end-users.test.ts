import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { ApiErrorBody } from "../contract/errors.js";
import type { EndUserSearchResult } from "../contract/heron-data.js";
import { seedEndUsers } from "../sandbox/index.js";
import { startTestServer, type TestServer } from "../testing/test-server.js";

let server: TestServer;

const someUser = () => {
  const user = seedEndUsers().find((candidate) => candidate.name);
  if (!user) throw new Error("the sandbox has no named end users");
  return user;
};

async function search(text: string) {
  const response = await server.request(
    `/api/end-users?search=${encodeURIComponent(text)}`,
  );
  return { response, body: (await response.json()) as EndUserSearchResult };
}

function heronCalls() {
  return server.sandbox.control.requests().map((request) => request.operation);
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

describe("GET /api/end-users", () => {
  it("lists the first 20 users without a search", async () => {
    const { response, body } = await search("");

    expect(response.status).toBe(200);
    expect(body.match).toBe("search");
    expect(body.end_users).toHaveLength(20);
    expect(body.total).toBeGreaterThanOrEqual(200);
    expect(heronCalls()).toEqual(["list_end_users"]);
    expect(server.sandbox.control.requests()[0]?.url).toContain("limit=20");
  });

  it("finds a user by heron id exactly", async () => {
    const user = someUser();
    const { body } = await search(user.heron_id);

    expect(body.match).toBe("exact");
    expect(body.total).toBe(1);
    expect(body.end_users).toEqual([
      {
        heron_id: user.heron_id,
        end_user_id: user.end_user_id,
        name: user.name ?? null,
        status: user.status ?? null,
      },
    ]);
    expect(heronCalls()).toEqual(["get_end_user"]);
  });

  it("finds a user by end_user_id exactly", async () => {
    const user = someUser();
    const { body } = await search(user.end_user_id);

    expect(body.match).toBe("exact");
    expect(body.end_users[0]?.heron_id).toBe(user.heron_id);
  });

  it("falls back to a name search", async () => {
    const user = someUser();
    const word = (user.name ?? "").split(" ")[0] ?? "";
    const { body } = await search(word);

    expect(body.match).toBe("search");
    expect(heronCalls()).toEqual(["get_end_user", "list_end_users"]);
    const query = new URL(
      server.sandbox.control.requests()[1]?.url ?? "",
      "http://sandbox.invalid",
    ).searchParams;
    expect(query.get("name")).toBe(word);
    expect(query.get("limit")).toBe("20");
    expect(body.end_users.length).toBeGreaterThan(0);
  });

  it("finds an end_user_id with spaces exactly", async () => {
    const user = seedEndUsers().find((u) => /\s/.test(u.end_user_id));
    if (!user) throw new Error("the seed has no end_user_id with a space");
    const { body } = await search(user.end_user_id);

    expect(body.match).toBe("exact");
    expect(body.end_users[0]?.heron_id).toBe(user.heron_id);
  });

  it("searches names with spaces by name too", async () => {
    const user = someUser();
    const { body } = await search(user.name ?? "");

    expect(body.match).toBe("search");
    expect(heronCalls().sort()).toEqual(["get_end_user", "list_end_users"]);
  });

  it("looks up a heron id without a name search", async () => {
    const user = someUser();
    const { body } = await search(user.heron_id);

    expect(body.match).toBe("exact");
    expect(heronCalls()).toEqual(["get_end_user"]);
  });

  it("rejects a search over 140 characters", async () => {
    const response = await server.request(
      `/api/end-users?search=${"a".repeat(141)}`,
    );
    const { error } = (await response.json()) as ApiErrorBody;

    expect(response.status).toBe(400);
    expect(error.code).toBe("validation_failed");
    expect(error.fields?.search).toHaveLength(1);
  });

  it("rejects an unknown query parameter", async () => {
    const response = await server.request("/api/end-users?limit=5");
    const { error } = (await response.json()) as ApiErrorBody;

    expect(response.status).toBe(400);
    expect(error.fields?.limit?.[0]).toContain("not a known parameter");
  });

  it("maps a Heron timeout to 504", async () => {
    server.sandbox.control.setFault({
      operation: "list_end_users",
      hang: true,
    });

    const response = await server.request("/api/end-users?search=");
    const { error } = (await response.json()) as ApiErrorBody;

    expect(response.status).toBe(504);
    expect(error.code).toBe("heron_timeout");
    expect(error.runId).toBeUndefined();
  });

  it("falls back to the name search on a failed lookup", async () => {
    server.sandbox.control.setFault({
      operation: "get_end_user",
      respond: { status: 500, format: "envelope" },
    });
    const user = someUser();

    const { response, body } = await search(user.name ?? "");

    expect(response.status).toBe(200);
    expect(body.match).toBe("search");
    expect(body.end_users.map((u) => u.heron_id)).toContain(user.heron_id);
  });

  it("maps a Heron 500 on the name search to 502", async () => {
    server.sandbox.control.setFault({
      operation: "list_end_users",
      respond: { status: 500, format: "envelope" },
    });

    const response = await server.request("/api/end-users?search=cust_1");
    const { error } = (await response.json()) as ApiErrorBody;

    expect(response.status).toBe(502);
    expect(error.code).toBe("heron_unavailable");
  });

  it("maps a Heron 429 with a retry time", async () => {
    server.sandbox.control.setFault({
      operation: "list_end_users",
      respond: {
        status: 429,
        format: "envelope",
        description: "100 per 1 minute",
      },
    });

    const response = await server.request("/api/end-users?search=");
    const { error } = (await response.json()) as ApiErrorBody;

    expect(response.status).toBe(429);
    expect(error.code).toBe("heron_rate_limited");
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(response.headers.get("retry-after")).toBe(
      String(error.retryAfterSeconds),
    );
  });
});
