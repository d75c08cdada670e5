import type { Page } from "@playwright/test";
import {
  TEST_OIDC_ACCOUNTS,
  type TestOidcAccountName,
} from "../server/testing/oidc-provider";
import { SIGNED_OUT_STATE } from "./accounts";
import { E2E_CONSOLE_URL } from "./environment";
import { expect, test } from "./fixtures";

// Single sign-on in Chromium through the test OpenID provider that global
// setup starts on loopback, using the provider's own login and consent
// pages.

test.use({ storageState: SIGNED_OUT_STATE });

const LOOPBACK = /^(http|ws)s?:\/\/127\.0\.0\.1(:\d+)?\//;

/**
 * Aborts every request that would leave loopback and returns the list of
 * their URLs. A spec expects the list to stay empty.
 */
async function keepOnLoopback(page: Page): Promise<string[]> {
  const outside: string[] = [];
  await page.route(
    (url) => !LOOPBACK.test(url.href),
    (route) => {
      outside.push(route.request().url());
      return route.abort();
    },
  );
  return outside;
}

/** Reads the sign-on button's label from the console's session API. */
async function signOnLabel(page: Page): Promise<string> {
  const response = await page.request.get("/api/auth/session");
  const body = (await response.json()) as {
    methods: { oidc: { label: string } | null };
  };
  if (!body.methods.oidc) {
    throw new Error(
      "The console offers no single sign-on. Check that global setup passes " +
        "the OIDC_* settings to the console.",
    );
  }
  return body.methods.oidc.label;
}

/** Signs in at the provider's pages from the console's sign-in page. */
async function signInThroughProvider(
  page: Page,
  account: TestOidcAccountName,
): Promise<void> {
  const label = await signOnLabel(page);
  await page.goto("/");
  await page.getByRole("link", { name: label }).click();

  await test.step("provider's login page", async () => {
    await expect(page.getByRole("heading", { name: "Sign-in" })).toBeVisible();
    expect(new URL(page.url()).origin).not.toBe(E2E_CONSOLE_URL);
    await page
      .getByPlaceholder("Enter any login")
      .fill(TEST_OIDC_ACCOUNTS[account].login);
    await page.getByPlaceholder("and password").fill("any password");
    await page.getByRole("button", { name: "Sign-in" }).click();
  });

  await test.step("provider's consent page", async () => {
    await expect(
      page.getByRole("heading", { name: "Authorize" }),
    ).toBeVisible();
    await page.getByRole("button", { name: "Continue" }).click();
  });
}

test("operator signs in with single sign-on", async ({ page }) => {
  const outside = await keepOnLoopback(page);
  await signInThroughProvider(page, "operator");

  const account = TEST_OIDC_ACCOUNTS.operator;
  await expect(page).toHaveURL(`${E2E_CONSOLE_URL}/`);
  const header = page.getByRole("banner");
  await expect(header.getByText(account.name)).toBeVisible();
  await expect(header.getByText(account.email)).toBeVisible();
  await expect(header.getByText("Operator", { exact: true })).toBeVisible();
  expect(outside).toEqual([]);
});

test("admin role comes from the groups claim", async ({ page }) => {
  const outside = await keepOnLoopback(page);
  await signInThroughProvider(page, "admin");

  const header = page.getByRole("banner");
  await expect(header.getByText(TEST_OIDC_ACCOUNTS.admin.name)).toBeVisible();
  // Only admins get the view switch, whose "Admin" also appears as the role.
  const views = header.getByRole("navigation", { name: "Views" });
  await expect(views.getByRole("button", { name: "Admin" })).toBeVisible();
  const session = await page.request.get("/api/auth/session");
  expect(await session.json()).toMatchObject({
    signed_in: true,
    user: { email: TEST_OIDC_ACCOUNTS.admin.email, role: "admin" },
  });
  expect(outside).toEqual([]);
});

test("account without a console group is told why", async ({ page }) => {
  const outside = await keepOnLoopback(page);
  await signInThroughProvider(page, "noGroup");

  await expect(
    page.getByRole("heading", { name: "Sign in", exact: true }),
  ).toBeVisible();
  await expect(page.getByText(/has no console role/)).toBeVisible();
  await expect(page).toHaveURL(`${E2E_CONSOLE_URL}/`);
  expect(outside).toEqual([]);
});
