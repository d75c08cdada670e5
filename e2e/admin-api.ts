import { request as requestFactory } from "@playwright/test";
import type { CreatedUser, Role } from "../server/contract/auth";
import { storageStatePath, type E2eAccount } from "./accounts";
import { E2E_CONSOLE_URL } from "./environment";
import { csrfHeaders, expect } from "./fixtures";

// Account changes through the admin API, as an admin would make them in the
// page, for specs that need an account of their own.

/** Runs `use` with a request context signed in as the e2e admin. */
async function asAdmin<T>(
  use: (
    admin: Awaited<ReturnType<typeof requestFactory.newContext>>,
  ) => Promise<T>,
): Promise<T> {
  const admin = await requestFactory.newContext({
    baseURL: E2E_CONSOLE_URL,
    storageState: storageStatePath("admin"),
  });
  try {
    return await use(admin);
  } finally {
    await admin.dispose();
  }
}

/** Adds an operator with a generated password and returns its id and account. */
export function addOperator(displayName: string) {
  return asAdmin(async (admin) => {
    const email = `starter-${Date.now()}@e2e.example`;
    const response = await admin.post("/api/admin/users", {
      data: { email, display_name: displayName, role: "operator" },
      headers: await csrfHeaders(admin),
    });
    expect(response.status(), "adding an operator").toBe(201);
    const created = (await response.json()) as CreatedUser;
    const account: E2eAccount = {
      role: "operator",
      email,
      displayName,
      password: created.password ?? "",
    };
    return { id: created.user.id, account };
  });
}

/** Gives an account another role. */
export function setRole(userId: string, role: Role): Promise<void> {
  return asAdmin(async (admin) => {
    const response = await admin.patch(`/api/admin/users/${userId}`, {
      data: { role },
      headers: await csrfHeaders(admin),
    });
    expect(response.status(), `changing the role to ${role}`).toBe(200);
  });
}
