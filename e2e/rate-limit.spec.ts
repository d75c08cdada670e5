import type { ConsolePage } from "./console-page";
import { E2E_SANDBOX_RATE_LIMIT } from "./environment";
import { expect, test, type SandboxClient } from "./fixtures";
import { saveStateScreenshot } from "./state-screenshots";

// The countdown under the form: "Try again in 1 min", then "59 s" and down.
const COUNTDOWN = /^Try again in (1 min|[1-5]?\d s)$/;

/** Checks what the page shows after a 429, for an end user started once. */
async function expectRateLimited(
  app: ConsolePage,
  sandbox: SandboxClient,
  endUser: string,
): Promise<void> {
  await test.step("the message says when to retry", async () => {
    const result = app.result("Heron is limiting requests");
    await expect(result).toContainText(
      /Heron's rate limit for the workflow start is used up .*Try again in \d+ s\./,
    );
    await expect(result).toContainText("Heron's rate-limit window resets at");
    await expect(result).toContainText(
      "Review stays disabled until then, and the console does not retry on its own.",
    );
  });

  await test.step("Review is disabled with a countdown", async () => {
    await expect(app.reviewButton).toBeDisabled();
    await expect(app.form.getByText(COUNTDOWN)).toBeVisible();
  });

  await test.step("the run is recorded as rejected", async () => {
    await expect(app.resultPanel).toContainText("Recorded in the history as");
    const row = app.historyRows(endUser);
    await expect(row).toHaveCount(1);
    await expect(app.outcomeOf(row, "Rejected")).toBeVisible();
    await expect(
      row.getByRole("cell", { name: "429", exact: true }),
    ).toBeVisible();
  });

  await test.step("the start was sent once", async () => {
    expect(await sandbox.requests("start_by_name")).toHaveLength(1);
  });
}

test("real 429 disables Review until reset", async ({
  consolePage: app,
  page,
  sandbox,
}) => {
  await sandbox.exhaustStartRateLimit();

  await app.start({
    endUserSearch: "D'Angelo",
    endUserOption: /D'Angelo's Pizzeria/,
    workflow: /Process end user/,
  });

  const { limit, windowSeconds } = E2E_SANDBOX_RATE_LIMIT;
  await expect(app.resultPanel).toContainText(
    `(${limit} per ${windowSeconds / 60} minute)`,
  );
  await expectRateLimited(app, sandbox, "D'Angelo's Pizzeria");
  await saveStateScreenshot(page, "rate-limited-real-429");
});

test("faulted 429 without reset waits a minute", async ({
  consolePage: app,
  page,
  sandbox,
}) => {
  // A faulted response skips the sandbox's rate limiter, so it carries no
  // x-ratelimit-reset header and the console falls back to 60 s.
  await sandbox.setFault({
    operation: "start_by_name",
    respond: {
      status: 429,
      format: "envelope",
      description: "100 per 1 minute",
    },
  });

  await app.start({
    endUserSearch: "Slash Path",
    endUserOption: /Slash Path Holdings/,
    workflow: /Process end user/,
  });

  await expect(app.resultPanel).toContainText(
    "is used up (100 per 1 minute). Try again in 60 s.",
  );
  await expectRateLimited(app, sandbox, "Slash Path Holdings");
  await saveStateScreenshot(page, "rate-limited-faulted-429");
});
