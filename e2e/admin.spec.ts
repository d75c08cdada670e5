import { request as requestFactory } from "@playwright/test";
import { E2E_ACCOUNTS, SIGNED_OUT_STATE, storageStatePath } from "./accounts";
import { AdminPage } from "./admin-page";
import { E2E_CONSOLE_URL } from "./environment";
import { csrfHeaders, expect, test } from "./fixtures";
import { saveStateScreenshot } from "./state-screenshots";

test.use({ storageState: storageStatePath("admin") });

/**
 * Tries a password on a fresh sign-in and returns the HTTP status. The
 * context starts signed out on purpose: Playwright would otherwise give it
 * the admin's cookies, and a sign-in replaces the session it carries.
 */
async function signInStatus(email: string, password: string) {
  const context = await requestFactory.newContext({
    baseURL: E2E_CONSOLE_URL,
    storageState: SIGNED_OUT_STATE,
  });
  try {
    const response = await context.post("/api/auth/sign-in", {
      data: { email, password },
      headers: await csrfHeaders(context),
    });
    return response.status();
  } finally {
    await context.dispose();
  }
}

test("admin adds a user and reads the audit", async ({ page }) => {
  const admin = new AdminPage(page);
  const email = `new-${Date.now()}@e2e.example`;
  const displayName = "Nina Newcomer";

  await admin.goto();

  let password = "";
  await test.step("add a user with a generated password", async () => {
    password = await admin.addUser({ email, displayName, role: "Operator" });
    expect(password.length).toBeGreaterThanOrEqual(12);
    await expect(admin.userRow(email)).toBeVisible();
    await saveStateScreenshot(page, "admin-view");
  });

  await test.step("the password signs the new user in", async () => {
    expect(await signInStatus(email, password)).toBe(200);
  });

  await test.step("change the role to viewer", async () => {
    const row = admin.userRow(email);
    await row.getByRole("combobox", { name: `Role of ${email}` }).click();
    await page.getByRole("option", { name: /^Viewer:/ }).click();
    await expect(
      row.getByRole("combobox", { name: `Role of ${email}` }),
    ).toHaveValue(/^Viewer/);
  });

  await test.step("a disabled user cannot sign in", async () => {
    const row = admin.userRow(email);
    const disable = row.getByRole("button", { name: `Disable ${email}` });
    const confirm = page.getByRole("dialog", { name: /^Disable / });

    await disable.click();
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(confirm).toBeHidden();
    await expect(row.getByText("Active", { exact: true })).toBeVisible();

    await disable.click();
    await confirm.getByRole("button", { name: "Disable account" }).click();
    await expect(row.getByText("Disabled", { exact: true })).toBeVisible();
    expect(await signInStatus(email, password)).toBe(401);
  });

  await test.step("the admin's own row cannot be disabled", async () => {
    const own = admin.userRow(E2E_ACCOUNTS.admin.email);
    await expect(
      own.getByRole("button", { name: `Disable ${E2E_ACCOUNTS.admin.email}` }),
    ).toBeDisabled();
    await expect(
      own.getByRole("button", {
        name: `Reset the password of ${E2E_ACCOUNTS.admin.email}`,
      }),
    ).toBeDisabled();
  });

  await test.step("the audit log lists the changes, newest first", async () => {
    await admin.audit.getByRole("button", { name: "Refresh" }).click();
    const rows = admin.audit
      .getByRole("row")
      .filter({ has: page.getByRole("cell") });
    const aboutUser = rows.filter({ hasText: email });
    await expect(aboutUser.filter({ hasText: "Account added" })).toHaveCount(1);
    await expect(aboutUser.filter({ hasText: "Account disabled" })).toHaveCount(
      1,
    );
    await expect(
      aboutUser.filter({ hasText: "Sign-in failed" }).first(),
    ).toBeVisible();

    const order = (await aboutUser.allInnerTexts()).map((text) =>
      ["Account disabled", "Account changed", "Account added"].find((kind) =>
        text.includes(kind),
      ),
    );
    const added = order.indexOf("Account added");
    const disabled = order.indexOf("Account disabled");
    expect(disabled).toBeLessThan(added);
  });

  await test.step("the audit log filters by event and account", async () => {
    await admin.audit.getByRole("combobox", { name: "Event" }).click();
    await page.getByRole("option", { name: "Account added" }).click();
    await admin.audit.getByRole("combobox", { name: "Account" }).click();
    await page
      .getByRole("option", { name: E2E_ACCOUNTS.viewer.email, exact: true })
      .click();

    const rows = admin.audit
      .getByRole("row")
      .filter({ has: page.getByRole("cell") });
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText("Account added");
    await expect(rows).toContainText(E2E_ACCOUNTS.viewer.email);
    // The e2e accounts are created with the users command-line tool.
    await expect(rows).toContainText("Command line");

    await page.reload();
    await expect(page).toHaveURL(/audit_kind=user_created/);
    await expect(rows).toHaveCount(1);
    await expect(
      admin.audit.getByRole("combobox", { name: "Event" }),
    ).toHaveValue("Account added");

    await admin.audit.getByRole("button", { name: "Show all events" }).click();
    await expect(rows.filter({ hasText: email }).first()).toBeVisible();
  });
});
