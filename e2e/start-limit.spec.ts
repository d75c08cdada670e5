import { E2E_ACCOUNTS, SIGNED_OUT_STATE } from "./accounts";
import { ConsolePage } from "./console-page";
import { E2E_HERON_TIMEOUT_MS, E2E_LIMITED_CONSOLE_PORT } from "./environment";
import { expect, lookUpEndUser, postRun, test } from "./fixtures";
import { withOwnConsole } from "./own-console";
import { SignInPage } from "./sign-in-page";
import { saveStateScreenshot } from "./state-screenshots";

// The shared console allows many starts per second so the other specs never
// meet the limit. This spec starts its own console that allows one.
const LIMITED_CONSOLE_LOG = "test-results/e2e-limited-console.log";
const operator = E2E_ACCOUNTS.operator;

const limitedTest = test.extend<{ limitedConsoleUrl: string }>({
  limitedConsoleUrl: async ({}, use) => {
    await withOwnConsole(
      {
        port: E2E_LIMITED_CONSOLE_PORT,
        logFile: LIMITED_CONSOLE_LOG,
        account: operator,
        env: {
          HERON_TIMEOUT_MS: String(E2E_HERON_TIMEOUT_MS),
          RECONCILE_DELAYS_MS: "off",
          START_RATE_LIMIT_PER_SECOND: "1",
        },
      },
      use,
    );
  },
  // Relative URLs, in the page and in page.request, go to this spec's
  // console. Both consoles run on 127.0.0.1, where cookies ignore the port,
  // so a request to the shared console would carry this console's cookie.
  baseURL: async ({ limitedConsoleUrl }, use) => use(limitedConsoleUrl),
});

limitedTest.use({ storageState: SIGNED_OUT_STATE });

limitedTest("start limit explains when to retry", async ({ page, sandbox }) => {
  test.setTimeout(60_000);
  const app = new ConsolePage(page);
  const signInPage = new SignInPage(page);

  await signInPage.goto();
  await signInPage.signInAs(operator);
  await app.fillForm({
    endUserSearch: "Rocket",
    endUserOption: /Rocket 🚀 Logistics/,
    workflow: /Process end user/,
  });
  await app.openReview();

  await test.step("a second start in the same second is refused", async () => {
    // Another end user, so the refused start is not also a repeat.
    const other = await lookUpEndUser(page.request, "Smith & Jones Ltd");
    const first = await postRun(page.request, {
      end_user_heron_id: other.heron_id,
      workflow_name: "Standard processing",
      workflow_parameters: {},
    });
    expect(first.status()).toBe(201);
    await app.confirmStart();

    const result = app.result("You are starting runs too quickly");
    await expect(result).toContainText(
      /You sent more than 1 start request in the last second.*Wait 1 second/,
    );
    await saveStateScreenshot(page, "start-limit");
  });

  await test.step("the refused start was not sent or recorded", async () => {
    expect(await sandbox.requests("start_by_name")).toHaveLength(1);
    await expect(app.historyRows(/Rocket/)).toHaveCount(0);
  });

  await test.step("a start a second later goes through", async () => {
    await page.waitForTimeout(1_100);
    await app.openReview();
    await app.confirmStart();
    await expect(app.result("Workflow started")).toBeVisible();
  });
});
