import { E2E_HERON_TIMEOUT_MS } from "./environment";
import { expect, lookUpWorkflow, postRun, test } from "./fixtures";
import { pickEndUser } from "./pick-end-user";
import { saveStateScreenshot } from "./state-screenshots";

// A latency past the console's Heron timeout: the console records the run
// Unknown, and the sandbox still creates the execution afterwards.
const LATE_START_MS = E2E_HERON_TIMEOUT_MS + 1_500;
const WORKFLOW = "Standard processing";

test("check that settles a run shows a toast", async ({
  consolePage: app,
  page,
  sandbox,
}) => {
  const user = await pickEndUser(page.request, "Meridian");
  const workflow = await lookUpWorkflow(page.request, WORKFLOW);

  await test.step("a timed-out start is recorded Unknown", async () => {
    await sandbox.setFault({
      operation: "start_by_name",
      latencyMs: LATE_START_MS,
    });
    const response = await postRun(page.request, {
      end_user_heron_id: user.heron_id,
      workflow_name: WORKFLOW,
      workflow_parameters: {},
      allow_duplicate: true,
    });
    expect(response.status()).toBe(504);
    await expect
      .poll(() => sandbox.executions(workflow.heron_id, user.heron_id), {
        timeout: LATE_START_MS + 5_000,
      })
      .toHaveLength(1);
  });

  await app.applyHistoryFilters({ endUserHeronId: user.heron_id });
  const row = app.historyRows(user.name ?? user.heron_id);
  await expect(app.outcomeOf(row, "Unknown")).toBeVisible();

  await test.step("Check again in the drawer finds the execution", async () => {
    await app.rowAction(row, "Details").click();
    await expect(app.runDetails).toBeVisible();
    await app.runDetails.getByRole("button", { name: "Check again" }).click();
  });

  await test.step("a toast names the new outcome", async () => {
    const toast = page
      .getByRole("alert")
      .filter({ hasText: "Run is now Started" });
    await expect(toast).toBeVisible();
    await expect(toast).toContainText(
      `A check at Heron changed the ${WORKFLOW} run from Unknown to Started.`,
    );
    await saveStateScreenshot(page, "reconcile-toast");
    await expect(app.outcomeOf(row, "Started")).toBeVisible();
  });

  expect(await sandbox.requests("start_by_name")).toHaveLength(1);
});
