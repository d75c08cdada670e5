import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  BACKGROUND_REFRESH_HEADER,
  type AuthSession,
} from "../contract/auth.js";
import { errorOf } from "../testing/start-helpers.js";
import {
  cookiePairs,
  postSignIn,
  signInOverHttp,
  startTestServer,
  type TestServer,
} from "../testing/test-server.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    env: { SESSION_IDLE_MINUTES: "30", SESSION_MAX_HOURS: "2" },
  });
});

afterAll(async () => {
  await server.close();
});

/** Returns the Set-Cookie header that sets the session cookie. */
function sessionSetCookie(response: Response): string {
  const header = response.headers
    .getSetCookie()
    .find((value) => value.startsWith("heron_console_session="));
  if (!header) throw new Error("no session cookie was set");
  return header;
}

function signInResponse(
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return postSignIn(server.url, email, password, headers);
}

async function sessionOf(request = server.request): Promise<AuthSession> {
  return (await (await request("/api/auth/session")).json()) as AuthSession;
}

describe("session cookie", () => {
  it("is HttpOnly, SameSite=Lax, Path=/ and not Secure over http", async () => {
    const viewer = await server.signIn("viewer");
    const response = await signInResponse(viewer.user.email, viewer.password);
    const header = sessionSetCookie(response).toLowerCase();

    expect(response.status).toBe(200);
    expect(header).toContain("; httponly");
    expect(header).toContain("; samesite=lax");
    expect(header).toContain("; path=/");
    expect(header).not.toContain("secure");
  });

  it("is Secure behind a trusted HTTPS proxy", async () => {
    const proxied = await startTestServer({
      env: { TRUST_PROXY: "loopback" },
      signedIn: false,
    });
    try {
      const viewer = await proxied.signIn("viewer");
      const first = await proxied.anonymous("/api/auth/session", {
        headers: { "x-forwarded-proto": "https" },
      });
      const { csrf_token } = (await first.json()) as { csrf_token: string };
      const response = await proxied.anonymous("/api/auth/sign-in", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-forwarded-proto": "https",
          cookie: cookiePairs(first).join("; "),
          "x-csrf-token": csrf_token,
        },
        body: JSON.stringify({
          email: viewer.user.email,
          password: viewer.password,
        }),
      });

      expect(response.status).toBe(200);
      expect(sessionSetCookie(response).toLowerCase()).toContain("; secure");
    } finally {
      await proxied.close();
    }
  });

  it("ignores x-forwarded-proto without TRUST_PROXY", async () => {
    const viewer = await server.signIn("viewer");
    const response = await signInResponse(viewer.user.email, viewer.password, {
      "x-forwarded-proto": "https",
    });

    expect(response.status).toBe(200);
    expect(sessionSetCookie(response).toLowerCase()).not.toContain("secure");
  });
});

describe("session lifetime", () => {
  it("gets a new id at every sign-in", async () => {
    const viewer = await server.signIn("viewer");
    const again = await signInOverHttp(
      server.url,
      viewer.user.email,
      viewer.password,
    );
    // A browser that signs in again while signed in sends its old cookie.
    const first = await server.anonymous("/api/auth/session", {
      headers: { cookie: again.cookie },
    });
    const csrf = ((await first.json()) as { csrf_token: string }).csrf_token;
    const third = await server.anonymous("/api/auth/sign-in", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: again.cookie,
        "x-csrf-token": csrf,
      },
      body: JSON.stringify({
        email: viewer.user.email,
        password: viewer.password,
      }),
    });
    const thirdCookie = sessionSetCookie(third).split(";")[0];

    expect(again.cookie).not.toBe(viewer.cookie);
    expect(thirdCookie).not.toBe(again.cookie);
    expect((await sessionOf(server.as(again))).signed_in).toBe(false);
    expect((await sessionOf(server.as(viewer))).signed_in).toBe(true);
  });

  it("ends at sign-out", async () => {
    const viewer = await server.signIn("viewer");
    const request = server.as(viewer);

    const response = await request("/api/auth/sign-out", { method: "POST" });
    const cleared = sessionSetCookie(response);
    const after = await request("/api/runs");

    expect(response.status).toBe(204);
    expect(cleared).toMatch(/^heron_console_session=;/);
    expect(after.status).toBe(401);
  });

  it("ends after the idle timeout", async () => {
    const viewer = await server.signIn("viewer");
    const request = server.as(viewer);

    server.advanceClock(29 * 60_000);
    const stillIn = await request("/api/runs");
    server.advanceClock(29 * 60_000);
    const afterUse = await request("/api/runs");
    server.advanceClock(30 * 60_000);
    const idle = await request("/api/runs");

    expect(stillIn.status).toBe(200);
    expect(afterUse.status).toBe(200);
    expect(idle.status).toBe(401);
  });

  it("idles out while the page only polls", async () => {
    const viewer = await server.signIn("viewer");
    const request = server.as(viewer);
    const poll = () =>
      request("/api/heron/rate-limits", {
        headers: { [BACKGROUND_REFRESH_HEADER]: "1" },
      });

    server.advanceClock(20 * 60_000);
    const polled = await poll();
    server.advanceClock(15 * 60_000);
    const idle = await poll();

    expect(polled.status).toBe(200);
    expect(idle.status).toBe(401);
  });

  it("ends at the absolute timeout even when used", async () => {
    const viewer = await server.signIn("viewer");
    const request = server.as(viewer);

    for (let step = 0; step < 4; step += 1) {
      server.advanceClock(25 * 60_000);
      expect((await request("/api/runs")).status).toBe(200);
    }
    server.advanceClock(21 * 60_000);
    const expired = await request("/api/runs");

    expect(expired.status).toBe(401);
  });

  it("reports when it expires", async () => {
    const viewer = await server.signIn("viewer");
    const session = await sessionOf(server.as(viewer));
    if (!session.signed_in) throw new Error("not signed in");

    const idleMs = Date.parse(session.idle_expires_at) - Date.now();
    const maxMs = Date.parse(session.expires_at) - Date.now();
    expect(session.user.role).toBe("viewer");
    expect(session.csrf_token).toBe(viewer.csrfToken);
    expect(session.settings.reason_required).toBe(false);
    expect(session.methods).toEqual({ local: true, oidc: null });
    // The test clock may have been moved forward by earlier tests.
    expect(idleMs).toBeGreaterThan(0);
    expect(maxMs).toBeGreaterThan(idleMs);
  });

  it("ends every session of a disabled user at once", async () => {
    const operator = await server.signIn("operator");
    const second = await signInOverHttp(
      server.url,
      operator.user.email,
      operator.password,
    );

    // A new admin: the default one may have idled out on the moved clock.
    const admin = await server.client("admin");
    const disable = await admin(`/api/admin/users/${operator.user.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ disabled: true }),
    });
    const first = await server.as(operator)("/api/runs");
    const other = await server.as(second)("/api/runs");
    const again = await signInResponse(operator.user.email, operator.password);

    expect(disable.status).toBe(200);
    expect(first.status).toBe(401);
    expect(other.status).toBe(401);
    expect(again.status).toBe(401);
    expect((await errorOf(again)).code).toBe("invalid_credentials");
  });
});

describe("security headers", () => {
  it("sends a strict CSP and no x-powered-by", async () => {
    const response = await server.anonymous("/api/health");
    const csp = response.headers.get("content-security-policy") ?? "";
    const scriptSrc = csp
      .split(";")
      .map((directive) => directive.trim())
      .find((directive) => directive.startsWith("script-src "));

    expect(scriptSrc).toBe("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-powered-by")).toBeNull();
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
