import { E2E_ACCOUNTS, SIGNED_OUT_STATE } from "./accounts";
import { ConsolePage } from "./console-page";
import { E2E_CONSOLE_PORT, E2E_HERON_TIMEOUT_MS } from "./environment";
import { expect, test } from "./fixtures";
import { withOwnConsole } from "./own-console";
import { SignInPage } from "./sign-in-page";
import { saveStateScreenshot } from "./state-screenshots";

// A console of its own whose sessions end after one minute without use, the
// shortest idle timeout, so typing and idling can be tried in real time.
const IDLE_CONSOLE_PORT = E2E_CONSOLE_PORT + 16;
const IDLE_CONSOLE_LOG = "test-results/e2e-idle-console.log";
const IDLE_MS = 60_000;
const operator = E2E_ACCOUNTS.operator;

const idleTest = test.extend<{ idleConsoleUrl: string }>({
  idleConsoleUrl: async ({}, use) => {
    await withOwnConsole(
      {
        port: IDLE_CONSOLE_PORT,
        logFile: IDLE_CONSOLE_LOG,
        account: operator,
        env: {
          HERON_TIMEOUT_MS: String(E2E_HERON_TIMEOUT_MS),
          RECONCILE_DELAYS_MS: "off",
          SESSION_IDLE_MINUTES: "1",
        },
      },
      use,
    );
  },
  // Relative URLs go to this spec's console, as in start-limit.spec.ts.
  baseURL: async ({ idleConsoleUrl }, use) => use(idleConsoleUrl),
});

idleTest.use({ storageState: SIGNED_OUT_STATE });

idleTest("typing keeps a session; idling ends it", async ({ page }) => {
  test.setTimeout(4 * IDLE_MS);
  const app = new ConsolePage(page);
  const reason = app.form.getByRole("textbox", { name: "Reason or ticket" });
  const dialog = page.getByRole("dialog", { name: "Your session has ended" });

  await new SignInPage(page).goto();
  await new SignInPage(page).signInAs(operator);

  await test.step("typing past the idle timeout keeps the session", async () => {
    await reason.click();
    // One key every 10 s for longer than the timeout: typing alone sends
    // nothing, so only the page's own session reads keep the session open.
    for (let elapsed = 0; elapsed <= IDLE_MS + 20_000; elapsed += 10_000) {
      await page.keyboard.type("x");
      await page.waitForTimeout(10_000);
    }
    await app.history.getByRole("button", { name: "Refresh" }).click();
    await expect(app.history.getByRole("alert")).toHaveCount(0);
    await expect(dialog).toBeHidden();
  });

  await test.step("a page left alone is signed out and says why", async () => {
    await expect(dialog).toBeVisible({ timeout: 2 * IDLE_MS });
    await expect(dialog).toContainText("not used for a while");
    await expect(reason).toHaveValue(/^x{9}$/);
    await saveStateScreenshot(page, "session-idle-dialog");
  });
});
