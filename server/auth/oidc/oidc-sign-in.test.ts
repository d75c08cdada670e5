import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { AuditEvent, SignedInSession } from "../../contract/auth.js";
import { CookieJar } from "../../testing/cookie-jar.js";
import {
  startOidcProvider,
  TEST_OIDC_ACCOUNTS,
  type TestOidcAccountName,
  type TestOidcProvider,
} from "../../testing/oidc-provider.js";
import { signInAtProvider } from "../../testing/oidc-sign-in.js";
import { startTestServer, type TestServer } from "../../testing/test-server.js";

// The console listens on a port chosen after its settings are read, so its
// registered callback URL is a fixed public name, and the tests carry each
// callback from there to the console's real address, as a reverse proxy
// would. Nothing is ever sent to the public name.
const PUBLIC_CALLBACK = "https://console.example.test/api/auth/oidc/callback";

function oidcEnv(provider: TestOidcProvider): Record<string, string> {
  return {
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_REDIRECT_URL: PUBLIC_CALLBACK,
    OIDC_ALLOW_HTTP: "true",
  };
}

let provider: TestOidcProvider;
let server: TestServer;

beforeAll(async () => {
  provider = await startOidcProvider({ redirectUris: [PUBLIC_CALLBACK] });
  server = await startTestServer({ signedIn: false, env: oidcEnv(provider) });
});

afterAll(async () => {
  await server?.close();
  await provider?.close();
});

/** GETs a console path with the jar's cookies, storing what it sets. */
async function consoleGet(
  jar: CookieJar,
  path: string,
  target = server,
): Promise<Response> {
  const url = target.url + path;
  const response = await fetch(url, {
    redirect: "manual",
    headers: { cookie: jar.header(url) },
  });
  jar.store(response, url);
  return response;
}

/** Presses the sign-on button: returns the provider URL it redirects to. */
async function startAtConsole(jar: CookieJar, target = server): Promise<URL> {
  const response = await consoleGet(jar, "/api/auth/oidc/start", target);
  expect(response.status).toBe(302);
  return new URL(response.headers.get("location") ?? "");
}

/** The console path of a callback URL the provider redirected to. */
function callbackPath(callbackUrl: string): string {
  const url = new URL(callbackUrl);
  expect(url.origin + url.pathname).toBe(PUBLIC_CALLBACK);
  return url.pathname + url.search;
}

interface SignInResult {
  jar: CookieJar;
  /** The console's path of the callback, to replay it. */
  callback: string;
  response: Response;
}

async function signInAs(
  account: TestOidcAccountName,
  target = server,
): Promise<SignInResult> {
  const jar = new CookieJar();
  const authorizationUrl = await startAtConsole(jar, target);
  const callbackUrl = await signInAtProvider(
    authorizationUrl.href,
    account,
    jar,
  );
  const callback = callbackPath(callbackUrl);
  const response = await consoleGet(jar, callback, target);
  return { jar, callback, response };
}

async function sessionOf(jar: CookieJar) {
  const response = await consoleGet(jar, "/api/auth/session");
  expect(response.status).toBe(200);
  return (await response.json()) as { signed_in: boolean } & Partial<
    Pick<SignedInSession, "user">
  >;
}

async function auditEvents(): Promise<AuditEvent[]> {
  const page = await server.store.accounts.listAudit({
    before: null,
    limit: 200,
  });
  return page.events;
}

function expectRejected(response: Response, code: string): void {
  expect(response.status).toBe(302);
  expect(response.headers.get("location")).toBe(`/?sign_in_error=${code}`);
  const cookies = response.headers.getSetCookie().join("\n");
  expect(cookies).not.toContain("heron_console_session=");
}

describe("OIDC sign-in start", () => {
  it("sends state, nonce and a PKCE S256 challenge", async () => {
    const url = await startAtConsole(new CookieJar());
    const params = url.searchParams;

    expect(url.origin).toBe(provider.issuer);
    expect(params.get("response_type")).toBe("code");
    expect(params.get("client_id")).toBe(provider.clientId);
    expect(params.get("redirect_uri")).toBe(PUBLIC_CALLBACK);
    expect(params.get("scope")?.split(" ")).toEqual(
      expect.arrayContaining(["openid", "email", "profile", "groups"]),
    );
    expect(params.get("code_challenge_method")).toBe("S256");
    expect(params.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(params.get("state")).toMatch(/^[\w-]{20,}$/);
    expect(params.get("nonce")).toMatch(/^[\w-]{20,}$/);
  });

  it("sets a short-lived HttpOnly Lax binding cookie", async () => {
    const response = await consoleGet(new CookieJar(), "/api/auth/oidc/start");
    const cookie = response.headers
      .getSetCookie()
      .find((header) => header.startsWith("heron_console_oidc="));

    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\/api\/auth\/oidc/);
    expect(cookie).toMatch(/; Max-Age=600/);
  });

  it("keeps one binding for several attempts", async () => {
    const jar = new CookieJar();
    await startAtConsole(jar);
    const first = jar.get("heron_console_oidc");
    await startAtConsole(jar);

    expect(first).toMatch(/^[\w-]{43}$/);
    expect(jar.get("heron_console_oidc")).toBe(first);
  });

  it("gives each attempt a new state and nonce", async () => {
    const jar = new CookieJar();
    const first = (await startAtConsole(jar)).searchParams;
    const second = (await startAtConsole(jar)).searchParams;

    expect(second.get("state")).not.toBe(first.get("state"));
    expect(second.get("nonce")).not.toBe(first.get("nonce"));
    expect(second.get("code_challenge")).not.toBe(first.get("code_challenge"));
  });
});

describe("OIDC sign-in callback", () => {
  it("signs an admin in with the mapped role", async () => {
    const { jar, response } = await signInAs("admin");

    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
    const session = await sessionOf(jar);
    expect(session.signed_in).toBe(true);
    expect(session.user).toMatchObject({
      email: TEST_OIDC_ACCOUNTS.admin.email,
      display_name: TEST_OIDC_ACCOUNTS.admin.name,
      role: "admin",
    });
  });

  it("sets the session cookie's flags", async () => {
    const { response } = await signInAs("viewer");
    const cookie = response.headers
      .getSetCookie()
      .find((header) => header.startsWith("heron_console_session="));

    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\/(;|$)/);
  });

  it.each([
    ["operator", "operator"],
    ["viewer", "viewer"],
  ] as const)("maps the %s account's groups", async (account, role) => {
    const { jar } = await signInAs(account);
    const session = await sessionOf(jar);

    expect(session.user?.role).toBe(role);
    expect(session.user?.email).toBe(TEST_OIDC_ACCOUNTS[account].email);
  });

  it("creates the account once", async () => {
    await signInAs("operator");
    await signInAs("operator");
    const users = await server.store.accounts.listUsers();
    const matching = users.filter(
      (user) => user.email === TEST_OIDC_ACCOUNTS.operator.email,
    );

    expect(matching).toHaveLength(1);
    expect(matching[0]?.oidc_issuer).toBe(provider.issuer);
    expect(matching[0]?.oidc_subject).toBe(TEST_OIDC_ACCOUNTS.operator.login);
    expect(matching[0]?.password_hash).toBeNull();
  });

  it("records the sign-in in the audit trail", async () => {
    const { jar } = await signInAs("viewer");
    const session = await sessionOf(jar);
    const event = (await auditEvents()).find(
      (candidate) =>
        candidate.kind === "sign_in" &&
        candidate.actor_user_id === session.user?.id,
    );

    expect(event?.actor_email).toBe(TEST_OIDC_ACCOUNTS.viewer.email);
    expect(event?.detail).toMatchObject({ method: "oidc" });
  });

  it("rejects an account without a console group", async () => {
    const { jar, response } = await signInAs("noGroup");

    expectRejected(response, "no_role");
    expect((await sessionOf(jar)).signed_in).toBe(false);
    const users = await server.store.accounts.listUsers();
    expect(users.map((user) => user.email)).not.toContain(
      TEST_OIDC_ACCOUNTS.noGroup.email,
    );
  });

  it("records a rejection with its reason", async () => {
    await signInAs("noGroup");
    const event = (await auditEvents()).find(
      (candidate) =>
        candidate.kind === "sign_in_failed" &&
        candidate.actor_email === TEST_OIDC_ACCOUNTS.noGroup.email,
    );

    expect(event?.actor_user_id).toBeNull();
    expect(event?.detail).toMatchObject({
      method: "oidc",
      reason: "no_role",
    });
  });

  it("rejects an unverified email", async () => {
    const { jar, response } = await signInAs("unverified");

    expectRejected(response, "email_unverified");
    expect((await sessionOf(jar)).signed_in).toBe(false);
  });

  it("rejects a disabled account", async () => {
    await signInAs("operator");
    const user = await server.store.accounts.findUserByEmail(
      TEST_OIDC_ACCOUNTS.operator.email,
    );
    if (!user) throw new Error("the operator's account was not created");
    await server.store.accounts.updateUser(user.id, {
      disabled_at: new Date().toISOString(),
    });

    try {
      const { jar, response } = await signInAs("operator");
      expectRejected(response, "disabled");
      expect((await sessionOf(jar)).signed_in).toBe(false);
    } finally {
      await server.store.accounts.updateUser(user.id, { disabled_at: null });
    }
  });

  it("rejects a tampered state", async () => {
    const jar = new CookieJar();
    const authorizationUrl = await startAtConsole(jar);
    const callbackUrl = new URL(
      await signInAtProvider(authorizationUrl.href, "admin", jar),
    );
    callbackUrl.searchParams.set("state", "forged-state-value");
    const response = await consoleGet(jar, callbackPath(callbackUrl.href));

    expectRejected(response, "state_mismatch");
    expect((await sessionOf(jar)).signed_in).toBe(false);
  });

  it("rejects a replayed callback", async () => {
    const { jar, callback, response } = await signInAs("viewer");
    expect(response.headers.get("location")).toBe("/");

    const replay = await consoleGet(jar, callback);
    expectRejected(replay, "state_mismatch");
  });

  it("rejects a callback from another browser", async () => {
    const victim = new CookieJar();
    const attacker = new CookieJar();
    // The victim has a binding cookie of their own, from an attempt of
    // their own that they left unfinished.
    await startAtConsole(victim);
    const authorizationUrl = await startAtConsole(attacker);
    const callbackUrl = await signInAtProvider(
      authorizationUrl.href,
      "admin",
      attacker,
    );
    // The attacker's callback link, opened in the victim's browser, must
    // not sign the victim in as the attacker.
    const response = await consoleGet(victim, callbackPath(callbackUrl));

    expectRejected(response, "state_mismatch");
    expect((await sessionOf(victim)).signed_in).toBe(false);
  });

  it("rejects a callback without a state", async () => {
    const response = await consoleGet(
      new CookieJar(),
      "/api/auth/oidc/callback?code=abc",
    );
    expectRejected(response, "state_mismatch");
  });

  it("reports a cancel at the provider", async () => {
    const jar = new CookieJar();
    const state = (await startAtConsole(jar)).searchParams.get("state") ?? "";
    const query = new URLSearchParams({
      error: "access_denied",
      error_description: "End-User aborted interaction",
      state,
      iss: provider.issuer,
    });
    const response = await consoleGet(jar, `/api/auth/oidc/callback?${query}`);

    expectRejected(response, "cancelled");
  });

  it("rejects a code with another verifier", async () => {
    // Two attempts in one browser: the code of the first presented with the
    // state of the second, so the PKCE verifier does not match.
    const jar = new CookieJar();
    const first = await startAtConsole(jar);
    const second = await startAtConsole(jar);
    const callbackUrl = new URL(
      await signInAtProvider(first.href, "admin", jar),
    );
    callbackUrl.searchParams.set("state", second.searchParams.get("state")!);
    const response = await consoleGet(jar, callbackPath(callbackUrl.href));

    expectRejected(response, "provider_error");
  });
});

describe("OIDC sign-in with a local account", () => {
  let other: TestServer;

  beforeAll(async () => {
    other = await startTestServer({ signedIn: false, env: oidcEnv(provider) });
  });

  afterAll(async () => {
    await other?.close();
  });

  it("rejects an email a local account has", async () => {
    const local = await other.signIn("viewer", TEST_OIDC_ACCOUNTS.admin.email);
    const { response } = await signInAs("admin", other);

    expectRejected(response, "email_taken");
    const user = await other.store.accounts.findUserById(local.user.id);
    expect(user?.role).toBe("viewer");
    expect(user?.oidc_subject).toBeNull();
  });
});
