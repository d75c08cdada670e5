import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { ApiErrorBody } from "../contract/errors.js";
import type {
  EndUserDirectoryStatus,
  EndUserSearchResult,
} from "../contract/heron-data.js";
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
  server = await startTestServer({
    env: { HERON_TIMEOUT_MS: "300" },
    directorySync: "wait",
  });
});

afterEach(() => {
  server.sandbox.control.reset();
});

afterAll(async () => {
  await server.close();
});

describe("GET /api/end-users", () => {
  it("lists the newest 20 users without a search", async () => {
    const { response, body } = await search("");
    const newest = [...seedEndUsers()].sort(
      (a, b) =>
        b.last_updated.localeCompare(a.last_updated) ||
        a.heron_id.localeCompare(b.heron_id),
    )[0];

    expect(response.status).toBe(200);
    expect(body.match).toBe("search");
    expect(body.end_users).toHaveLength(20);
    expect(body.total).toBe(seedEndUsers().length);
    expect(body.end_users[0]?.heron_id).toBe(newest?.heron_id);
    expect(heronCalls()).toEqual([]);
  });

  it("carries the directory's status", async () => {
    const { body } = await search("");

    expect(body.directory.state).toBe("ready");
    expect(body.directory.complete).toBe(true);
    expect(body.directory.count).toBe(seedEndUsers().length);
    expect(Date.parse(body.directory.synced_at ?? "")).not.toBeNaN();
    expect(body.directory.error).toBeNull();
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
    expect(heronCalls()).toEqual([]);
  });

  it("finds an end_user_id with spaces exactly", async () => {
    const user = seedEndUsers().find((u) => /\s/.test(u.end_user_id));
    if (!user) throw new Error("the seed has no end_user_id with a space");
    const { body } = await search(user.end_user_id);

    expect(body.match).toBe("exact");
    expect(body.end_users[0]?.heron_id).toBe(user.heron_id);
  });

  it("ranks an id differing in case first, not exact", async () => {
    const user = seedEndUsers().find((u) => /[a-z]/.test(u.end_user_id));
    if (!user) throw new Error("the seed has no lower-case end_user_id");
    const { body } = await search(user.end_user_id.toUpperCase());

    expect(body.match).toBe("search");
    expect(body.end_users[0]?.heron_id).toBe(user.heron_id);
  });

  it("answers name searches without calling Heron", async () => {
    const user = someUser();
    const { body } = await search(user.name ?? "");

    expect(body.match).toBe("search");
    expect(body.end_users[0]?.heron_id).toBe(user.heron_id);
    expect(heronCalls()).toEqual([]);
  });

  it("rejects a search over 140 characters with 422", async () => {
    const response = await server.request(
      `/api/end-users?search=${"a".repeat(141)}`,
    );
    const { error } = (await response.json()) as ApiErrorBody;

    expect(response.status).toBe(422);
    expect(error.code).toBe("validation_failed");
    expect(error.fields?.search?.[0]).toContain("at most 140 characters");
    expect(heronCalls()).toEqual([]);
  });

  it("accepts a search of exactly 140 characters", async () => {
    const response = await server.request(
      `/api/end-users?search=${"a".repeat(140)}`,
    );

    expect(response.status).toBe(200);
  });

  it("rejects a repeated search in plain words", async () => {
    const response = await server.request("/api/end-users?search=a&search=b");
    const { error } = (await response.json()) as ApiErrorBody;

    expect(response.status).toBe(400);
    expect(error.fields?.search?.[0]).toBe(
      "Give search once, as text: a name, an end_user_id or a heron id.",
    );
  });

  it("rejects an unknown query parameter", async () => {
    const response = await server.request("/api/end-users?limit=5");
    const { error } = (await response.json()) as ApiErrorBody;

    expect(response.status).toBe(400);
    expect(error.fields?.limit?.[0]).toContain("not a known parameter");
  });

  it("keeps local results when a lookup fails", async () => {
    server.sandbox.control.setFault({
      operation: "get_end_user",
      respond: { status: 500, format: "envelope" },
    });

    const { response, body } = await search("no-such-id-77");

    expect(response.status).toBe(200);
    expect(body.end_users).toEqual([]);
    expect(heronCalls()).toEqual(["get_end_user"]);
  });

  it("asks Heron once about an unknown id", async () => {
    await search("still-unknown-42");
    await search("still-unknown-42");

    expect(heronCalls()).toEqual(["get_end_user"]);
  });
});

describe("directory routes", () => {
  it("GET /api/end-users/directory returns the status", async () => {
    const response = await server.request("/api/end-users/directory");
    const body = (await response.json()) as EndUserDirectoryStatus;

    expect(response.status).toBe(200);
    expect(body.count).toBe(seedEndUsers().length);
    expect(body.complete).toBe(true);
  });

  it("POST /api/end-users/directory/refresh refreshes", async () => {
    const user = someUser();
    server.sandbox.control.updateEndUser(user.heron_id, {
      name: "Renamed Refresh Holdings",
    });

    const response = await server.request("/api/end-users/directory/refresh", {
      method: "POST",
    });
    await server.directory.whenIdle();
    const { body } = await search("Renamed Refresh");

    expect(response.status).toBe(202);
    expect(body.end_users.map((u) => u.heron_id)).toEqual([user.heron_id]);
    expect(heronCalls()).toContain("list_end_users");
  });
});
