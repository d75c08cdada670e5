import { describe, expect } from "vitest";
import { test } from "./sandbox-test.js";

const KEYED_CALLS = [
  ["GET", "/api/hello_world/authenticated"],
  ["GET", "/api/end_users"],
  ["GET", "/api/end_users/acme-001"],
  ["GET", "/api/workflow/user/workflows"],
  ["POST", "/api/workflow/start_by_name"],
  ["GET", "/api/workflow/executions/status/wex_missing"],
  ["GET", "/api/workflow/wfl_x/executions/end_user/eus_y"],
] as const;

describe("authentication", () => {
  test("hello_world needs no key", async ({ sandbox }) => {
    const response = await fetch(`${sandbox.url}/api/hello_world`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ hello: "world" });
  });

  test("authenticated hello accepts the key", async ({ heron }) => {
    const response = await heron.get("/api/hello_world/authenticated");

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ hello: "world" });
  });

  for (const [method, path] of KEYED_CALLS) {
    test(`${method} ${path} rejects a missing key`, async ({ sandbox }) => {
      const response = await fetch(sandbox.url + path, { method });
      const body = await response.json();

      expect(response.status).toBe(401);
      expect(body.code).toBe(401);
      expect(body.name).toBe("Unauthorized");
      expect(body.description).toMatch(/x-api-key/);
    });
  }

  test("wrong key gets 401 envelope", async ({ sandbox }) => {
    const response = await fetch(`${sandbox.url}/api/end_users`, {
      headers: { "x-api-key": `key_${"f".repeat(48)}` },
    });
    const body = await response.json();

    expect(response.status).toBe(401);
    expect(body).toEqual({
      code: 401,
      description: expect.stringMatching(/not valid/),
      name: "Unauthorized",
    });
  });

  test("401 carries no rate-limit headers", async ({ sandbox }) => {
    const response = await fetch(`${sandbox.url}/api/end_users`);

    expect(response.status).toBe(401);
    expect(response.headers.get("x-ratelimit-limit")).toBeNull();
  });
});

describe("routing", () => {
  test("unknown path gets 404 envelope", async ({ heron }) => {
    const response = await heron.get("/api/no_such_thing");
    const body = await response.json();

    expect(response.status).toBe(404);
    expect(body.code).toBe(404);
    expect(body.name).toBe("Not Found");
    expect(body.description).toMatch(/\/api\/no_such_thing/);
  });

  test("unknown path needs no key", async ({ sandbox }) => {
    const response = await fetch(`${sandbox.url}/api/no_such_thing`);

    expect(response.status).toBe(404);
  });

  test("trailing slash is another path", async ({ heron }) => {
    const response = await heron.get("/api/end_users/");

    expect(response.status).toBe(404);
  });

  test("paths are case sensitive", async ({ heron }) => {
    const response = await heron.get("/API/END_USERS");

    expect(response.status).toBe(404);
  });

  test("wrong method gets 405 with Allow", async ({ heron }) => {
    const response = await heron.get("/api/workflow/start_by_name");
    const body = await response.json();

    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(body.code).toBe(405);
    expect(body.name).toBe("Method Not Allowed");
  });

  test("POST on a GET route gets 405", async ({ heron }) => {
    const response = await heron.postJson("/api/end_users", {});

    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
  });

  test("HEAD on a GET route responds", async ({ heron }) => {
    const response = await heron.request("/api/workflow/user/workflows", {
      method: "HEAD",
    });

    expect(response.status).toBe(200);
    expect(response.headers.get("x-ratelimit-limit")).toBe("100");
  });

  test("bad percent-encoding gets 400", async ({ heron }) => {
    const response = await heron.get("/api/end_users/%E0%A4%A");
    const body = await response.json();

    expect(response.status).toBe(400);
    expect(body.code).toBe(400);
    expect(body.name).toBe("Bad Request");
  });
});
