import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type {
  AdminUser,
  AdminUserList,
  CreatedUser,
  PasswordReset,
} from "../contract/auth.js";
import { errorOf } from "../testing/start-helpers.js";
import {
  signInOverHttp,
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

function send(method: string, path: string, body?: unknown) {
  return server.request(path, {
    method,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe("POST /api/admin/users", () => {
  it("creates a user and shows a generated password once", async () => {
    const response = await send("POST", "/api/admin/users", {
      email: " Carol@Example.test ",
      display_name: "Carol",
      role: "operator",
    });
    const created = (await response.json()) as CreatedUser;
    const session = await signInOverHttp(
      server.url,
      "carol@example.test",
      created.password ?? "",
    );

    expect(response.status).toBe(201);
    expect(created.user.email).toBe("carol@example.test");
    expect(created.user.sso).toBe(false);
    expect(created.password).toMatch(/^[\w-]{24}$/);
    expect(session.user.role).toBe("operator");
    expect(JSON.stringify(created.user)).not.toContain("password");
  });

  it("keeps a given password and returns none", async () => {
    const response = await send("POST", "/api/admin/users", {
      email: "dan@example.test",
      display_name: "Dan",
      role: "viewer",
      password: "a long enough password",
    });
    const created = (await response.json()) as CreatedUser;
    const session = await signInOverHttp(
      server.url,
      "dan@example.test",
      "a long enough password",
    );

    expect(response.status).toBe(201);
    expect(created.password).toBeNull();
    expect(session.user.email).toBe("dan@example.test");
  });

  it("rejects a taken email with 409", async () => {
    const body = {
      email: "erin@example.test",
      display_name: "E",
      role: "viewer",
    };
    await send("POST", "/api/admin/users", body);
    const response = await send("POST", "/api/admin/users", {
      ...body,
      email: "ERIN@example.test",
    });
    const error = await errorOf(response);

    expect(response.status).toBe(409);
    expect(error.code).toBe("email_taken");
    expect(error.fields?.email?.[0]).toContain("erin@example.test");
  });

  it("names each invalid field", async () => {
    const response = await send("POST", "/api/admin/users", {
      email: "nope",
      display_name: "",
      role: "owner",
      password: "short",
    });
    const error = await errorOf(response);

    expect(response.status).toBe(400);
    expect(Object.keys(error.fields ?? {}).sort()).toEqual([
      "display_name",
      "email",
      "password",
      "role",
    ]);
  });
});

describe("PATCH /api/admin/users/:id", () => {
  it("changes name and role and lists the change", async () => {
    const target = await server.signIn("viewer");
    const response = await send("PATCH", `/api/admin/users/${target.user.id}`, {
      display_name: "Promoted",
      role: "operator",
    });
    const user = (await response.json()) as AdminUser;
    const list = (await (
      await server.request("/api/admin/users")
    ).json()) as AdminUserList;

    expect(response.status).toBe(200);
    expect(user.role).toBe("operator");
    expect(user.display_name).toBe("Promoted");
    expect(list.users.find((each) => each.id === user.id)?.role).toBe(
      "operator",
    );
  });

  it("disables and enables an account", async () => {
    const target = await server.signIn("viewer");
    const path = `/api/admin/users/${target.user.id}`;

    const disabled = (await (
      await send("PATCH", path, { disabled: true })
    ).json()) as AdminUser;
    const enabled = (await (
      await send("PATCH", path, { disabled: false })
    ).json()) as AdminUser;
    const again = await signInOverHttp(
      server.url,
      target.user.email,
      target.password,
    );

    expect(disabled.disabled_at).not.toBeNull();
    expect(enabled.disabled_at).toBeNull();
    expect(again.user.id).toBe(target.user.id);
  });

  it("stops an admin disabling or demoting themself", async () => {
    const self = server.session?.user.id ?? "";
    const disable = await send("PATCH", `/api/admin/users/${self}`, {
      disabled: true,
    });
    const demote = await send("PATCH", `/api/admin/users/${self}`, {
      role: "viewer",
    });

    expect(disable.status).toBe(409);
    expect((await errorOf(disable)).message).toContain(
      "cannot disable your own account",
    );
    expect(demote.status).toBe(409);
    expect((await errorOf(demote)).code).toBe("own_account");
    expect((await server.request("/api/admin/users")).status).toBe(200);
  });

  it("returns 404 for an unknown id and 400 for no change", async () => {
    const unknown = await send("PATCH", "/api/admin/users/usr_nope", {
      role: "viewer",
    });
    const empty = await send(
      "PATCH",
      `/api/admin/users/${server.session?.user.id}`,
      {},
    );

    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).message).toContain("usr_nope");
    expect(empty.status).toBe(400);
  });
});

describe("POST /api/admin/users/:id/reset-password", () => {
  it("returns a new password and ends the old sessions", async () => {
    const target = await server.signIn("operator");
    const response = await send(
      "POST",
      `/api/admin/users/${target.user.id}/reset-password`,
    );
    const { password } = (await response.json()) as PasswordReset;
    const oldSession = await server.as(target)("/api/runs");
    const fresh = await signInOverHttp(server.url, target.user.email, password);

    expect(response.status).toBe(200);
    expect(password).not.toBe(target.password);
    expect(oldSession.status).toBe(401);
    expect(fresh.user.id).toBe(target.user.id);
  });

  it("refuses a single sign-on account", async () => {
    const result = await server.store.accounts.findOrCreateOidcUser({
      issuer: "https://idp.example.test",
      subject: "sub-1",
      email: "sso@example.test",
      displayName: "Sso User",
      role: "viewer",
    });
    if (result.kind !== "ok") throw new Error(result.kind);
    const response = await send(
      "POST",
      `/api/admin/users/${result.user.id}/reset-password`,
    );

    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe("sso_account");
  });
});

describe("findOrCreateOidcUser", () => {
  const profile = {
    issuer: "https://idp.example.test",
    subject: "sub-2",
    email: "Grace@Example.test",
    displayName: "Grace",
    role: "operator" as const,
  };

  it("creates once, then refreshes role and name", async () => {
    const accounts = server.store.accounts;
    const first = await accounts.findOrCreateOidcUser(profile);
    const second = await accounts.findOrCreateOidcUser({
      ...profile,
      displayName: "Grace H.",
      role: "admin",
    });

    if (first.kind !== "ok" || second.kind !== "ok") {
      throw new Error(`expected ok results, got ${first.kind}, ${second.kind}`);
    }
    expect(first.created).toBe(true);
    expect(first.user.email).toBe("grace@example.test");
    expect(second.created).toBe(false);
    expect(second.user.id).toBe(first.user.id);
    expect(second.user.role).toBe("admin");
    expect(second.user.display_name).toBe("Grace H.");
  });

  it("refuses a disabled account and a taken email", async () => {
    const accounts = server.store.accounts;
    const found = await accounts.findOrCreateOidcUser(profile);
    if (found.kind !== "ok") throw new Error(found.kind);
    await accounts.updateUser(found.user.id, {
      disabled_at: new Date().toISOString(),
    });
    const local = await server.signIn("viewer");

    const disabled = await accounts.findOrCreateOidcUser(profile);
    const taken = await accounts.findOrCreateOidcUser({
      ...profile,
      subject: "sub-3",
      email: local.user.email,
    });

    expect(disabled.kind).toBe("disabled");
    expect(taken).toEqual({ kind: "email_taken", email: local.user.email });
  });
});
