import { afterEach, describe, expect, it } from "vitest";

import type { EndUserSearchResult } from "../contract/heron-data.js";
import { seedEndUsers } from "../sandbox/index.js";
import { startBody } from "../testing/start-helpers.js";
import { startTestServer, type TestServer } from "../testing/test-server.js";
import { END_USER_LOOKUP_TIMEOUT_MS } from "./end-user-directory.js";

let server: TestServer;

afterEach(async () => {
  await server.close();
});

async function search(text: string): Promise<EndUserSearchResult> {
  const response = await server.request(
    `/api/end-users?search=${encodeURIComponent(text)}`,
  );
  expect(response.status).toBe(200);
  return (await response.json()) as EndUserSearchResult;
}

function lookups(): number {
  return server.sandbox.control
    .requests()
    .filter((request) => request.operation === "get_end_user").length;
}

describe("pasted ids", () => {
  it("looks up a pasted heron id before the first sync", async () => {
    server = await startTestServer({ directorySync: "off" });
    const user = seedEndUsers()[7]!;

    const result = await search(user.heron_id);

    expect(result.match).toBe("exact");
    expect(result.end_users.map((u) => u.heron_id)).toEqual([user.heron_id]);
    expect(result.directory.complete).toBe(false);
    expect(result.directory.count).toBe(1);
    expect(lookups()).toBe(1);
  });

  it("looks up a pasted end_user_id before the first sync", async () => {
    server = await startTestServer({ directorySync: "off" });
    const user = seedEndUsers().find((u) => u.end_user_id === "acct/2024/17")!;

    const result = await search(user.end_user_id);

    expect(result.end_users.map((u) => u.heron_id)).toEqual([user.heron_id]);
  });

  it("adds a heron id missing from a complete directory", async () => {
    server = await startTestServer({ directorySync: "wait" });
    const user = seedEndUsers()[12]!;
    server.directorySqlite
      .prepare("DELETE FROM directory_end_users WHERE heron_id = ?")
      .run(user.heron_id);

    const first = await search(user.heron_id);
    const second = await search(user.heron_id);

    expect(first.end_users.map((u) => u.heron_id)).toEqual([user.heron_id]);
    expect(second.end_users.map((u) => u.heron_id)).toEqual([user.heron_id]);
    expect(lookups()).toBe(1);
  });

  it("returns nothing for an id Heron does not know", async () => {
    server = await startTestServer({ directorySync: "wait" });

    const result = await search("eus_0000000000000000000000");

    expect(result.end_users).toEqual([]);
    expect(result.total).toBe(0);
    expect(lookups()).toBe(1);
  });
});

describe("gone end users", () => {
  it("marks a user gone after a start finds none", async () => {
    server = await startTestServer({ directorySync: "wait" });
    const user = seedEndUsers()[3]!;
    server.sandbox.control.removeEndUser(user.heron_id);

    const response = await server.postRun(
      startBody({ end_user_heron_id: user.heron_id }),
    );
    const result = await search(user.name ?? "");

    expect(response.status).toBe(404);
    expect(result.end_users.map((u) => u.heron_id)).not.toContain(
      user.heron_id,
    );
    expect(result.directory.count).toBe(seedEndUsers().length - 1);
  });

  it("keeps a user when the workflow is missing", async () => {
    server = await startTestServer({ directorySync: "wait" });
    const user = seedEndUsers()[3]!;

    const response = await server.postRun(
      startBody({ workflow_name: "No Such Workflow" }),
    );
    const result = await search(user.heron_id);

    expect(response.status).toBe(404);
    expect(result.end_users.map((u) => u.heron_id)).toEqual([user.heron_id]);
  });
});

describe("failed lookups", () => {
  it("reports Heron's 503 with directory matches", async () => {
    server = await startTestServer({ directorySync: "wait" });
    server.sandbox.control.setFault({
      operation: "get_end_user",
      respond: { status: 503, format: "envelope" },
    });
    const unknownId = "eus_0000000000000000000000";

    const result = await search(unknownId);

    expect(result.end_users).toEqual([]);
    expect(result.match).toBe("search");
    expect(result.lookup_failure).toEqual({
      id: unknownId,
      reason: "http",
      http_status: 503,
      timeout_ms: null,
    });
  });

  it("keeps directory matches when the lookup fails", async () => {
    // Before the first sync, id-like text is looked up even when the
    // directory has partial matches for it.
    server = await startTestServer({ directorySync: "off" });
    await search("acct/2024/17");
    server.sandbox.control.setFault({
      operation: "get_end_user",
      respond: { status: 503, format: "envelope" },
    });

    const result = await search("acct/2024");

    expect(result.end_users.map((u) => u.end_user_id)).toEqual([
      "acct/2024/17",
    ]);
    expect(result.lookup_failure?.http_status).toBe(503);
  });

  it("asks Heron again after a failed lookup", async () => {
    server = await startTestServer({ directorySync: "wait" });
    server.sandbox.control.setFault({
      operation: "get_end_user",
      respond: { status: 503, format: "envelope" },
    });
    const unknownId = "eus_0000000000000000000000";

    await search(unknownId);
    await search(unknownId);

    expect(lookups()).toBe(2);
  });

  it("stops waiting for a hanging lookup", async () => {
    server = await startTestServer({
      directorySync: "wait",
      env: { HERON_TIMEOUT_MS: "20000" },
    });
    server.sandbox.control.setFault({
      operation: "get_end_user",
      latencyMs: 15_000,
    });
    const started = Date.now();

    const result = await search("eus_0000000000000000000000");
    const elapsedMs = Date.now() - started;

    expect(result.lookup_failure?.reason).toBe("timeout");
    expect(result.lookup_failure?.timeout_ms).toBe(END_USER_LOOKUP_TIMEOUT_MS);
    expect(elapsedMs).toBeLessThan(END_USER_LOOKUP_TIMEOUT_MS + 2000);
  }, 20_000);
});
