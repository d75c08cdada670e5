import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  startOidcProvider,
  type TestOidcProvider,
} from "../../testing/oidc-provider.js";
import { startTestServer, type TestServer } from "../../testing/test-server.js";

const CALLBACK = "https://console.example.test/api/auth/oidc/callback";

// The provider is started once to learn a free port and then stopped, so
// the console is configured with an issuer where nothing listens.
let port: number;
let server: TestServer;
let revived: TestOidcProvider | undefined;

beforeAll(async () => {
  const probe = await startOidcProvider({ redirectUris: [CALLBACK] });
  port = Number(new URL(probe.issuer).port);
  await probe.close();

  server = await startTestServer({
    signedIn: false,
    env: {
      OIDC_ISSUER: probe.issuer,
      OIDC_CLIENT_ID: probe.clientId,
      OIDC_CLIENT_SECRET: probe.clientSecret,
      OIDC_REDIRECT_URL: CALLBACK,
      OIDC_ALLOW_HTTP: "true",
    },
  });
});

afterAll(async () => {
  await server?.close();
  await revived?.close();
});

function start(accept: string): Promise<Response> {
  return fetch(`${server.url}/api/auth/oidc/start`, {
    redirect: "manual",
    headers: { accept },
  });
}

describe("OIDC provider down", () => {
  it("answers 503 in JSON on start", async () => {
    const response = await start("application/json");
    const body = (await response.json()) as {
      error: { code: string; message: string };
    };

    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(body.error.code).toBe("oidc_unavailable");
    expect(body.error.message).toContain(`127.0.0.1:${port}`);
    expect(body.error.message).toContain("sign in with your console email");
  });

  it("answers 503 as text to a browser", async () => {
    const response = await start("text/html,application/xhtml+xml");

    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await response.text()).toContain("Single sign-on is unavailable");
  });

  it("keeps serving the console", async () => {
    const health = await fetch(`${server.url}/api/health`);
    const session = await fetch(`${server.url}/api/auth/session`);
    const body = (await session.json()) as {
      methods: { oidc: { label: string } | null };
    };

    expect(health.status).toBe(200);
    expect(session.status).toBe(200);
    expect(body.methods.oidc).toEqual({ label: "Single sign-on" });
  });

  it("keeps local sign-in working", async () => {
    // signIn creates a local account and signs in over HTTP, as the page
    // does: GET /api/auth/session for the CSRF token, then POST sign-in.
    const session = await server.signIn("operator");
    const response = await server.as(session)("/api/auth/session");
    const body = (await response.json()) as {
      signed_in: boolean;
      user: { role: string };
    };

    expect(response.status).toBe(200);
    expect(body.signed_in).toBe(true);
    expect(body.user.role).toBe("operator");
  });

  it("rejects a callback while the provider is down", async () => {
    const response = await fetch(
      `${server.url}/api/auth/oidc/callback?code=abc&state=unknown`,
      { redirect: "manual" },
    );

    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(
      "/?sign_in_error=state_mismatch",
    );
  });

  it("recovers when the provider is back", async () => {
    revived = await startOidcProvider({ redirectUris: [CALLBACK], port });
    // A failed discovery is retried after 5 seconds, not before.
    await new Promise((resolve) => setTimeout(resolve, 5_100));
    const response = await start("text/html");

    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${port}/auth\\?`),
    );
  });
});
