import type { Express } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Role } from "../contract/auth.js";
import type { Run } from "../contract/runs.js";
import { errorOf, startBody } from "../testing/start-helpers.js";
import {
  startTestServer,
  type RequestFunction,
  type TestServer,
  type TestSession,
} from "../testing/test-server.js";

// Every API route of the app, who may call it, and what that caller gets.
// The first test lists the app's routes from its router stack, so a route
// added without a row here fails it.

interface RouteCase {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** The route's pattern, as registered with Express. */
  route: string;
  /** "public" routes need no session. */
  access: "public" | Role;
  /** Builds a request that succeeds for the lowest role allowed. */
  request: () => Promise<{ path: string; body?: unknown }>;
  status: number;
}

// Routes that exist only when single sign-on is configured. Their access is
// checked by isPublicRoute's list in the sign-in tests.
const OIDC_ROUTES = new Set([
  "GET /api/auth/oidc/start",
  "GET /api/auth/oidc/callback",
]);

let server: TestServer;
let sessions: Record<Role, TestSession>;
let startedRun: Run;
let counter = 0;

const unique = () => {
  counter += 1;
  return counter;
};

async function createPreset(): Promise<string> {
  const response = await server.request("/api/presets", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      workflow_name: "Standard processing",
      name: `Preset ${unique()}`,
      workflow_parameters: {},
    }),
  });
  const { id } = (await response.json()) as { id: string };
  return id;
}

async function createUser(): Promise<string> {
  const response = await server.request("/api/admin/users", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      email: `target-${unique()}@example.test`,
      display_name: "Target",
      role: "viewer",
    }),
  });
  const { user } = (await response.json()) as { user: { id: string } };
  return user.id;
}

const fixed = (path: string, body?: unknown) => async () => ({ path, body });

const CASES: RouteCase[] = [
  {
    method: "GET",
    route: "/api/health",
    access: "public",
    request: fixed("/api/health"),
    status: 200,
  },
  {
    method: "GET",
    route: "/api/auth/session",
    access: "public",
    request: fixed("/api/auth/session"),
    status: 200,
  },
  {
    method: "POST",
    route: "/api/auth/sign-out",
    access: "public",
    request: fixed("/api/auth/sign-out"),
    status: 204,
  },
  {
    method: "GET",
    route: "/api/staff",
    access: "viewer",
    request: fixed("/api/staff"),
    status: 200,
  },
  {
    method: "GET",
    route: "/api/end-users",
    access: "viewer",
    request: fixed("/api/end-users?search=a"),
    status: 200,
  },
  {
    method: "GET",
    route: "/api/end-users/directory",
    access: "viewer",
    request: fixed("/api/end-users/directory"),
    status: 200,
  },
  {
    method: "POST",
    route: "/api/end-users/directory/refresh",
    access: "admin",
    request: fixed("/api/end-users/directory/refresh"),
    status: 202,
  },
  {
    method: "GET",
    route: "/api/workflows",
    access: "viewer",
    request: fixed("/api/workflows"),
    status: 200,
  },
  {
    method: "GET",
    route: "/api/heron/rate-limits",
    access: "viewer",
    request: fixed("/api/heron/rate-limits"),
    status: 200,
  },
  {
    method: "GET",
    route: "/api/runs/export.csv",
    access: "viewer",
    request: fixed("/api/runs/export.csv"),
    status: 200,
  },
  {
    method: "GET",
    route: "/api/runs",
    access: "viewer",
    request: fixed("/api/runs"),
    status: 200,
  },
  {
    method: "GET",
    route: "/api/runs/recent",
    access: "viewer",
    request: fixed(
      "/api/runs/recent?end_user_heron_id=eus_1&workflow_name=Standard%20processing",
    ),
    status: 200,
  },
  {
    method: "GET",
    route: "/api/runs/:id",
    access: "viewer",
    request: async () => ({ path: `/api/runs/${startedRun.id}` }),
    status: 200,
  },
  {
    method: "GET",
    route: "/api/runs/:id/execution",
    access: "viewer",
    request: async () => ({ path: `/api/runs/${startedRun.id}/execution` }),
    status: 200,
  },
  {
    method: "GET",
    route: "/api/presets",
    access: "viewer",
    request: fixed("/api/presets?workflow_name=Standard%20processing"),
    status: 200,
  },
  {
    method: "GET",
    route: "/api/workflows/:name/recent-parameters",
    access: "viewer",
    request: fixed("/api/workflows/Standard%20processing/recent-parameters"),
    status: 200,
  },
  {
    method: "POST",
    route: "/api/runs",
    access: "operator",
    request: async () => ({ path: "/api/runs", body: startBody() }),
    status: 201,
  },
  {
    method: "POST",
    route: "/api/runs/:id/reconcile",
    access: "operator",
    request: async () => ({ path: `/api/runs/${startedRun.id}/reconcile` }),
    status: 200,
  },
  {
    method: "POST",
    route: "/api/presets",
    access: "operator",
    request: async () => ({
      path: "/api/presets",
      body: {
        workflow_name: "Standard processing",
        name: `Saved ${unique()}`,
        workflow_parameters: {},
      },
    }),
    status: 201,
  },
  {
    method: "PATCH",
    route: "/api/presets/:id",
    access: "operator",
    request: async () => ({
      path: `/api/presets/${await createPreset()}`,
      body: { name: `Renamed ${unique()}` },
    }),
    status: 200,
  },
  {
    method: "DELETE",
    route: "/api/presets/:id",
    access: "operator",
    request: async () => ({ path: `/api/presets/${await createPreset()}` }),
    status: 204,
  },
  {
    method: "GET",
    route: "/api/admin/users",
    access: "admin",
    request: fixed("/api/admin/users"),
    status: 200,
  },
  {
    method: "POST",
    route: "/api/admin/users",
    access: "admin",
    request: async () => ({
      path: "/api/admin/users",
      body: {
        email: `new-${unique()}@example.test`,
        display_name: "New",
        role: "viewer",
      },
    }),
    status: 201,
  },
  {
    method: "PATCH",
    route: "/api/admin/users/:id",
    access: "admin",
    request: async () => ({
      path: `/api/admin/users/${await createUser()}`,
      body: { role: "operator" },
    }),
    status: 200,
  },
  {
    method: "POST",
    route: "/api/admin/users/:id/reset-password",
    access: "admin",
    request: async () => ({
      path: `/api/admin/users/${await createUser()}/reset-password`,
    }),
    status: 200,
  },
  {
    method: "GET",
    route: "/api/admin/audit",
    access: "admin",
    request: fixed("/api/admin/audit"),
    status: 200,
  },
];

const ROLE_BELOW: Record<Role, Role | null> = {
  viewer: null,
  operator: "viewer",
  admin: "operator",
};

const PROTECTED = CASES.filter((entry) => entry.access !== "public");
const BELOW = PROTECTED.filter(
  (entry) => entry.access !== "public" && ROLE_BELOW[entry.access] !== null,
);
const CHANGING = CASES.filter(
  (entry) => entry.method !== "GET" && entry.access !== "public",
);

/** Lists "METHOD /path" of every route in the app's router stack. */
function listRoutes(app: Express): string[] {
  const routes: string[] = [];
  const visit = (stack: unknown[]) => {
    for (const layer of stack as {
      route?: { path: string; methods: Record<string, boolean> };
      handle?: { stack?: unknown[] };
    }[]) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) {
          routes.push(`${method.toUpperCase()} ${layer.route.path}`);
        }
      } else if (layer.handle?.stack) {
        visit(layer.handle.stack);
      }
    }
  };
  visit((app as unknown as { router: { stack: unknown[] } }).router.stack);
  return routes;
}

function send(
  request: RequestFunction,
  entry: RouteCase,
  built: { path: string; body?: unknown },
  headers: Record<string, string> = {},
): Promise<Response> {
  return request(built.path, {
    method: entry.method,
    headers: {
      ...(built.body === undefined
        ? {}
        : { "content-type": "application/json" }),
      ...headers,
    },
    ...(built.body === undefined ? {} : { body: JSON.stringify(built.body) }),
  });
}

const label = (entry: RouteCase) => `${entry.method} ${entry.route}`;

beforeAll(async () => {
  server = await startTestServer();
  sessions = {
    viewer: await server.signIn("viewer"),
    operator: await server.signIn("operator"),
    admin: await server.signIn("admin"),
  };
  startedRun = (await (await server.postRun(startBody())).json()) as Run;
  // Each sign-in hashes a password with scrypt, slow on a busy machine.
}, 60_000);

afterAll(async () => {
  await server.close();
});

describe("route access table", () => {
  it("lists every route of the app", () => {
    const listed = new Set(CASES.map(label));
    const routes = listRoutes(server.app).filter((route) =>
      route.split(" ")[1]?.startsWith("/api/"),
    );
    const missing = routes.filter(
      (route) => !listed.has(route) && route !== "POST /api/auth/sign-in",
    );
    const unknown = [...listed].filter(
      (route) => !routes.includes(route) && !OIDC_ROUTES.has(route),
    );

    expect(routes.length).toBeGreaterThan(20);
    expect(missing).toEqual([]);
    expect(unknown).toEqual([]);
  });

  it.each(PROTECTED.map((entry) => [label(entry), entry] as const))(
    "%s without a session is 401",
    async (_label, entry) => {
      const response = await send(
        server.anonymous,
        entry,
        await entry.request(),
      );
      const error = await errorOf(response);

      expect(response.status).toBe(401);
      expect(error.code).toBe("signed_out");
      expect(error.message).toBe("Sign in to use the console.");
    },
  );

  it.each(BELOW.map((entry) => [label(entry), entry] as const))(
    "%s for the role below is 403",
    async (_label, entry) => {
      const below = ROLE_BELOW[entry.access as Role] as Role;
      const request = server.as(sessions[below]);
      const response = await send(request, entry, await entry.request());
      const error = await errorOf(response);

      expect(response.status).toBe(403);
      expect(error.code).toBe("forbidden");
      expect(error.message).toContain(`needs the ${entry.access} role`);
      expect(error.message).toContain(
        `you are ${below === "viewer" ? "a" : "an"} ${below}`,
      );
    },
  );

  it.each(CASES.map((entry) => [label(entry), entry] as const))(
    "%s works for the lowest role allowed",
    async (_label, entry) => {
      const role = entry.access === "public" ? "viewer" : entry.access;
      const request = server.as(
        entry.route === "/api/auth/sign-out"
          ? await server.signIn("viewer")
          : sessions[role],
      );
      const response = await send(request, entry, await entry.request());

      expect(response.status, await response.clone().text()).toBe(entry.status);
    },
  );

  it.each(CHANGING.map((entry) => [label(entry), entry] as const))(
    "%s without a CSRF token is 403",
    async (_label, entry) => {
      const role = entry.access as Role;
      const request = server.as(sessions[role]);
      const built = await entry.request();
      const missing = await send(request, entry, built, { "x-csrf-token": "" });
      const wrong = await send(request, entry, built, {
        "x-csrf-token": "not-the-token",
      });
      const otherSite = await send(request, entry, built, {
        origin: "https://evil.example",
      });

      for (const response of [missing, wrong, otherSite]) {
        const error = await errorOf(response);
        expect(response.status).toBe(403);
        expect(error.code).toBe("csrf_failed");
        expect(error.message).toContain("Reload the page");
      }
    },
  );
});

describe("CSRF on a start", () => {
  it("records no run and calls no Heron without the token", async () => {
    const before = server.sandbox.control.requests().length;
    const { runs } = (await (
      await server.request("/api/runs?limit=100")
    ).json()) as { runs: Run[] };

    const response = await server.postRun(startBody(), { "x-csrf-token": "" });
    const after = (await (
      await server.request("/api/runs?limit=100")
    ).json()) as { runs: Run[] };

    expect(response.status).toBe(403);
    expect(after.runs).toHaveLength(runs.length);
    expect(server.sandbox.control.requests()).toHaveLength(before);
  });

  it("accepts the console's own origin", async () => {
    const response = await server.postRun(startBody(), { origin: server.url });

    expect(response.status).toBe(201);
  });
});
