import type { Page } from "@playwright/test";
import { seedEndUsers } from "../server/sandbox/index";
import { E2E_ACCOUNTS, SIGNED_OUT_STATE } from "./accounts";
import { E2E_CONSOLE_PORT } from "./environment";
import { expect, test } from "./fixtures";
import { withOwnConsole } from "./own-console";
import { SignInPage } from "./sign-in-page";
import { saveStateScreenshot } from "./state-screenshots";

// A console of its own, with a fresh database, so its first sync happens
// while the spec watches. It uses the suite's sandbox, whose faults slow the
// sync down.
const FRESH_CONSOLE_PORT = E2E_CONSOLE_PORT + 15;
const FRESH_CONSOLE_LOG = "test-results/e2e-directory-console.log";
const operator = E2E_ACCOUNTS.operator;

const directoryTest = test.extend<{ freshConsole: string }>({
  freshConsole: async ({ sandbox }, use) => {
    // Every page takes 2.5 s, so the 240 users arrive in pages of 60 over
    // several seconds.
    await sandbox.setFault({ operation: "list_end_users", latencyMs: 2500 });
    await withOwnConsole(
      {
        port: FRESH_CONSOLE_PORT,
        logFile: FRESH_CONSOLE_LOG,
        account: operator,
        env: { DIRECTORY_PAGE_SIZE: "60", LOG_LEVEL: "info" },
      },
      use,
    );
  },
  // Both consoles run on 127.0.0.1, where cookies ignore the port, so this
  // spec signs in to its own console from a signed-out browser.
  baseURL: async ({ freshConsole }, use) => use(freshConsole),
});

directoryTest.use({ storageState: SIGNED_OUT_STATE });

function picker(page: Page) {
  return page.getByRole("combobox", { name: "End user" });
}

for (const scheme of ["light", "dark"] as const) {
  directoryTest(
    `picker during and after the first sync, ${scheme}`,
    async ({ page, sandbox }) => {
      // A console of its own starts, signs in and syncs while this runs.
      test.setTimeout(90_000);
      await page.emulateMedia({ colorScheme: scheme });
      const signInPage = new SignInPage(page);
      await signInPage.goto();
      await signInPage.signInAs(operator);
      const endUser = picker(page);
      const pasted = seedEndUsers()[230]!;

      await test.step("says the list is still loading", async () => {
        await endUser.click();
        await expect(
          page.getByText(/The end-user list is still loading from Heron/),
        ).toBeVisible();
        await saveStateScreenshot(page, `end-user-picker-first-sync-${scheme}`);
      });

      await test.step("looks up a pasted heron id at Heron", async () => {
        await endUser.fill(pasted.heron_id);
        const option = page.getByRole("option", {
          name: new RegExp(pasted.end_user_id),
        });
        // The lookup's result replaces options of the text typed before, so
        // the click waits until the option belongs to this search.
        await expect(option).toBeEnabled();
        await option.click();
        await expect(
          page.getByText(`Selected: end_user_id ${pasted.end_user_id}`, {
            exact: false,
          }),
        ).toBeVisible();
      });

      await test.step("shows results found so far", async () => {
        await endUser.fill("a");
        await expect(page.getByRole("option").first()).toBeVisible();
      });

      await test.step("says when it synced once Heron is fast", async () => {
        await sandbox.setFault({ operation: "list_end_users", latencyMs: 0 });
        await expect(
          page.getByText(
            /^Synced (just now|less than a minute ago), 240 end users\.$/,
          ),
        ).toBeVisible({ timeout: 20_000 });
        await expect(page.getByText(/still loading from Heron/)).toHaveCount(0);
        await saveStateScreenshot(page, `end-user-picker-synced-${scheme}`);
      });
    },
  );
}
