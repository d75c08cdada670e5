import { afterEach, describe, expect, it } from "vitest";

import type { EndUserSearchResult } from "../contract/heron-data.js";
import { seedEndUsers } from "../sandbox/index.js";
import { startBody } from "../testing/start-helpers.js";
import { startTestServer, type TestServer } from "../testing/test-server.js";

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
