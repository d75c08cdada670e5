import { describe, expect } from "vitest";
import type { ListEndUsersResponse } from "./heron-types.js";
import { test } from "./sandbox-test.js";
import { seedEndUsers } from "./seed/end-users.js";

const control = (url: string, path: string, init?: RequestInit) =>
  fetch(`${url}/__sandbox${path}`, init);

describe("seed size", () => {
  test.scoped({ sandboxOptions: { endUsers: 5000 } });

  test("seeds the requested number of users", async ({ heron }) => {
    const response = await heron.get("/api/end_users?limit=1");
    const body = (await response.json()) as ListEndUsersResponse;

    expect(body._meta?.total).toBe(5000);
  });

  test("keeps the default users first", async ({ heron }) => {
    const first = seedEndUsers()[0]!;
    const response = await heron.get(`/api/end_users/${first.heron_id}`);

    expect(response.status).toBe(200);
  });
});

describe("large seeds", () => {
  test("build 200,000 unique users in seconds", () => {
    const started = performance.now();
    const users = seedEndUsers(200_000);
    const elapsedMs = performance.now() - started;

    expect(users).toHaveLength(200_000);
    expect(new Set(users.map((user) => user.heron_id)).size).toBe(200_000);
    expect(new Set(users.map((user) => user.end_user_id)).size).toBe(200_000);
    expect(elapsedMs).toBeLessThan(15_000);
  }, 30_000);
});

describe("POST /__sandbox/end-users/{heron_id}", () => {
  test("changes a user and moves it to the front", async ({
    sandbox,
    heron,
  }) => {
    const user = seedEndUsers()[50]!;
    const response = await control(sandbox.url, `/end-users/${user.heron_id}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Changed Name Ltd", status: "failed" }),
    });
    const list = (await (
      await heron.get("/api/end_users?limit=1&order_by=last_updated_desc")
    ).json()) as ListEndUsersResponse;

    expect(response.status).toBe(200);
    expect(list.end_users?.[0]?.heron_id).toBe(user.heron_id);
    expect(list.end_users?.[0]?.name).toBe("Changed Name Ltd");
    expect(list.end_users?.[0]?.status).toBe("failed");
  });

  test("rejects an unknown field", async ({ sandbox }) => {
    const user = seedEndUsers()[0]!;
    const response = await control(sandbox.url, `/end-users/${user.heron_id}`, {
      method: "POST",
      body: JSON.stringify({ colour: "red" }),
    });
    const body = (await response.json()) as { error: string };

    expect(response.status).toBe(400);
    expect(body.error).toContain("colour");
  });

  test("answers 404 for an unknown user", async ({ sandbox }) => {
    const response = await control(sandbox.url, "/end-users/eus_missing", {
      method: "POST",
      body: "{}",
    });

    expect(response.status).toBe(404);
  });

  test("reset restores the seeded user", async ({ sandbox, heron }) => {
    const user = seedEndUsers()[1]!;
    sandbox.control.updateEndUser(user.heron_id, { name: "Temporary" });
    sandbox.control.reset();
    const response = await heron.get(`/api/end_users/${user.heron_id}`);
    const body = (await response.json()) as { end_user: { name: string } };

    expect(body.end_user.name).toBe(user.name);
  });
});

describe("DELETE /__sandbox/end-users/{heron_id}", () => {
  test("removes the user from lists and lookups", async ({
    sandbox,
    heron,
  }) => {
    const user = seedEndUsers()[2]!;
    const response = await control(sandbox.url, `/end-users/${user.heron_id}`, {
      method: "DELETE",
    });
    const lookup = await heron.get(`/api/end_users/${user.heron_id}`);

    expect(response.status).toBe(204);
    expect(lookup.status).toBe(404);
  });
});
