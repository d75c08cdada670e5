import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { AuditPage } from "../contract/auth.js";
import { createLogger } from "../logger.js";
import { errorOf } from "../testing/start-helpers.js";
import {
  cookiePairs,
  LogCapture,
  postSignIn,
  startTestServer,
  type TestServer,
} from "../testing/test-server.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

/** Signs in as a browser would, optionally from another client address. */
function attempt(
  target: TestServer,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return postSignIn(target.url, email, password, headers);
}

async function auditKinds(target: TestServer): Promise<string[]> {
  const response = await target.request("/api/admin/audit?limit=200");
  const page = (await response.json()) as AuditPage;
  return page.events.map((event) => event.kind);
}

describe("POST /api/auth/sign-in", () => {
  it("signs in with the right password", async () => {
    const viewer = await server.signIn("viewer");
    const response = await attempt(
      server,
      viewer.user.email.toUpperCase(),
      viewer.password,
    );
    const body = (await response.json()) as { signed_in: boolean };

    expect(response.status).toBe(200);
    expect(body.signed_in).toBe(true);
  });

  it("says the same for unknown, wrong and disabled", async () => {
    const viewer = await server.signIn("viewer");
    const disabled = await server.signIn("viewer");
    await server.request(`/api/admin/users/${disabled.user.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ disabled: true }),
    });

    const responses = [
      await attempt(server, "nobody@example.test", "whatever-password"),
      await attempt(server, viewer.user.email, "wrong-password"),
      await attempt(server, disabled.user.email, disabled.password),
    ];

    for (const response of responses) {
      const error = await errorOf(response);
      expect(response.status).toBe(401);
      expect(error.code).toBe("invalid_credentials");
      expect(error.message).toBe(
        "The email or password is not right. Check both and try again. If they are right, ask an admin whether your account is enabled.",
      );
    }
  });

  it("rejects a sign-in without the CSRF token", async () => {
    const viewer = await server.signIn("viewer");
    const first = await server.anonymous("/api/auth/session");
    const cookie = cookiePairs(first).join("; ");
    const send = (token: string) =>
      server.anonymous("/api/auth/sign-in", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          cookie,
          "x-csrf-token": token,
        },
        body: JSON.stringify({
          email: viewer.user.email,
          password: viewer.password,
        }),
      });

    const missing = await send("");
    const wrong = await send("a".repeat(43));

    expect(missing.status).toBe(403);
    expect((await errorOf(missing)).code).toBe("csrf_failed");
    expect(wrong.status).toBe(403);
    expect((await errorOf(wrong)).code).toBe("csrf_failed");
  });

  it.each(["/api/auth/sign-in/", "/API/Auth/Sign-In"])(
    "checks CSRF on path variant %s",
    async (path) => {
      const viewer = await server.signIn("viewer");
      const response = await server.anonymous(`${path}?next=1`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          email: viewer.user.email,
          password: viewer.password,
        }),
      });

      expect(response.status).toBe(403);
      expect((await errorOf(response)).code).toBe("csrf_failed");
    },
  );

  it("names the invalid field", async () => {
    const response = await attempt(server, "not an email", "x");
    const error = await errorOf(response);

    expect(response.status).toBe(400);
    expect(Object.keys(error.fields ?? {})).toEqual(["email"]);
  });
});

describe("failed sign-in throttle", () => {
  it("slows one account from any address", async () => {
    const throttled = await startTestServer({
      env: {
        TRUST_PROXY: "loopback",
        SIGN_IN_FAILURES_PER_ACCOUNT: "3",
        SIGN_IN_LOCK_MINUTES: "10",
      },
    });
    try {
      const viewer = await throttled.signIn("viewer");
      for (let index = 1; index <= 3; index += 1) {
        const failed = await attempt(throttled, viewer.user.email, "wrong", {
          "x-forwarded-for": `198.51.100.${index}`,
        });
        expect(failed.status).toBe(401);
      }
      const blocked = await attempt(
        throttled,
        viewer.user.email,
        viewer.password,
        { "x-forwarded-for": "198.51.100.9" },
      );
      const error = await errorOf(blocked);
      const unknown = await attempt(throttled, "ghost@example.test", "x", {
        "x-forwarded-for": "198.51.100.10",
      });

      expect(blocked.status).toBe(429);
      expect(error.code).toBe("too_many_sign_ins");
      expect(error.message).toContain("Try again in 10 minutes");
      expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(500);
      expect(unknown.status).toBe(401);
    } finally {
      await throttled.close();
    }
  });

  it("slows one address for every account", async () => {
    const throttled = await startTestServer({
      env: { SIGN_IN_FAILURES_PER_ADDRESS: "4" },
    });
    try {
      const viewer = await throttled.signIn("viewer");
      for (let index = 1; index <= 4; index += 1) {
        const failed = await attempt(
          throttled,
          `guess-${index}@example.test`,
          "wrong",
        );
        expect(failed.status).toBe(401);
      }
      const blocked = await attempt(
        throttled,
        viewer.user.email,
        viewer.password,
      );

      const error = await errorOf(blocked);

      expect(blocked.status).toBe(429);
      expect(error.code).toBe("too_many_sign_ins");
      expect(error.message).toContain("from this address");
      expect(error.message).not.toContain("reset your password");
      expect(blocked.headers.get("retry-after")).not.toBeNull();
    } finally {
      await throttled.close();
    }
  });
});

describe("audit trail", () => {
  it("records sign-ins, failures, sign-outs and user changes", async () => {
    const viewer = await server.signIn("viewer");
    await attempt(server, viewer.user.email, "wrong-password");
    await server.as(viewer)("/api/auth/sign-out", { method: "POST" });
    await server.request(`/api/admin/users/${viewer.user.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ role: "operator", display_name: "Renamed" }),
    });

    const kinds = await auditKinds(server);

    expect(kinds).toContain("user_created");
    expect(kinds).toContain("sign_in");
    expect(kinds).toContain("sign_in_failed");
    expect(kinds).toContain("sign_out");
    expect(kinds).toContain("user_changed");
    expect(kinds).toContain("user_disabled");
  });

  it("keeps the typed email and address of a failure", async () => {
    await attempt(server, "Typo@Example.test", "wrong-password");
    const response = await server.request("/api/admin/audit?limit=5");
    const { events } = (await response.json()) as AuditPage;
    const failure = events.find((event) => event.kind === "sign_in_failed");

    expect(failure?.actor_email).toBe("typo@example.test");
    expect(failure?.actor_user_id).toBeNull();
    expect(failure?.source_address).toBe("127.0.0.1");
    expect(failure?.detail).toEqual({ reason: "unknown_account" });
  });

  it("pages through events newest first", async () => {
    const first = (await (
      await server.request("/api/admin/audit?limit=2")
    ).json()) as AuditPage;
    const second = (await (
      await server.request(
        `/api/admin/audit?limit=2&cursor=${first.next_cursor}`,
      )
    ).json()) as AuditPage;
    const ids = [...first.events, ...second.events].map((event) => event.id);

    expect(first.events).toHaveLength(2);
    expect(first.next_cursor).not.toBeNull();
    expect(second.events).toHaveLength(2);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(new Set(ids).size).toBe(4);
  });
});

describe("GET /api/admin/audit filters", () => {
  async function auditPage(query: string): Promise<AuditPage> {
    const response = await server.request(`/api/admin/audit?${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as AuditPage;
  }

  it("lists only one kind", async () => {
    await attempt(server, "nobody-here@example.test", "wrong-password");
    const { events } = await auditPage("kind=sign_in_failed&limit=200");

    expect(events.length).toBeGreaterThan(0);
    for (const event of events) expect(event.kind).toBe("sign_in_failed");
  });

  it("lists what one account did or underwent", async () => {
    const viewer = await server.signIn("viewer");
    await attempt(server, viewer.user.email, "wrong-password");
    const { events } = await auditPage(`account=${viewer.user.id}&limit=200`);
    const kinds = events.map((event) => event.kind);

    expect(kinds).toContain("user_created");
    expect(kinds).toContain("sign_in");
    for (const event of events) {
      expect([event.actor_user_id, event.target_user_id]).toContain(
        viewer.user.id,
      );
    }
  });

  it("combines kind and account", async () => {
    const viewer = await server.signIn("viewer");
    const { events } = await auditPage(
      `account=${viewer.user.id}&kind=user_created`,
    );

    expect(events).toHaveLength(1);
    expect(events[0]?.target_user_id).toBe(viewer.user.id);
  });

  it("rejects an unknown kind with 400", async () => {
    const response = await server.request("/api/admin/audit?kind=coffee");
    const error = await errorOf(response);

    expect(response.status).toBe(400);
    expect(Object.keys(error.fields ?? {})).toEqual(["kind"]);
    expect(error.fields?.kind?.[0]).toContain("sign_in_failed");
  });

  it("rejects a malformed cursor", async () => {
    const response = await server.request("/api/admin/audit?cursor=zzz");
    const error = await errorOf(response);

    expect(response.status).toBe(400);
    expect(Object.keys(error.fields ?? {})).toEqual(["cursor"]);
    expect(error.fields?.cursor?.[0]).toContain("Leave it out");
  });

  it("asks for a repeated kind once", async () => {
    const response = await server.request(
      "/api/admin/audit?kind=sign_in&kind=sign_out",
    );
    const error = await errorOf(response);

    expect(response.status).toBe(400);
    expect(error.fields?.kind?.[0]).toBe("Give kind once, not 2 times.");
  });
});

describe("logs", () => {
  it("never contain passwords, cookies or CSRF tokens", async () => {
    const viewer = await server.signIn("viewer");
    await attempt(server, viewer.user.email, "a-wrong-secret-password");
    await server.as(viewer)("/api/runs");
    const token = viewer.cookie.split("=")[1] ?? "";
    const text = server.logs.text();

    expect(token.length).toBeGreaterThan(20);
    expect(text).not.toContain(viewer.password);
    expect(text).not.toContain("a-wrong-secret-password");
    expect(text).not.toContain(token);
    expect(text).not.toContain(viewer.csrfToken);
  });

  it("redacts secret fields", () => {
    const capture = new LogCapture();
    const logger = createLogger({ level: "info", destination: capture });

    logger.info(
      {
        password: "p1",
        csrf_token: "c1",
        token: "t1",
        user: { password_hash: "h1" },
        req: { headers: { cookie: "k1", "x-csrf-token": "x1" } },
      },
      "line",
    );
    const text = capture.text();

    for (const secret of ["p1", "c1", "t1", "h1", "k1", "x1"]) {
      expect(text).not.toContain(`"${secret}"`);
    }
    expect(text).toContain("[redacted]");
  });
});
