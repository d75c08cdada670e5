import { E2E_HERON_TIMEOUT_MS } from "./environment";
import { expect, lookUpEndUser, lookUpWorkflow, test } from "./fixtures";
import { saveStateScreenshot } from "./state-screenshots";

// The sandbox applies a fault's latency before its handler runs, and the
// handler still runs after the console has given up. So a latency longer than
// the console's Heron timeout creates the execution after the run is Unknown.
const LATE_START_MS = E2E_HERON_TIMEOUT_MS + 1_500;

test("Check again finds the late execution", async ({
  consolePage: app,
  page,
  sandbox,
}) => {
  const name = "Société Générale de Crêpes SARL";
  const user = await lookUpEndUser(page.request, name);
  const workflow = await lookUpWorkflow(page.request, "Standard processing");
  await sandbox.setFault({
    operation: "start_by_name",
    latencyMs: LATE_START_MS,
  });

  await test.step("the timed-out start is Unknown", async () => {
    await app.start({
      endUserSearch: "Société",
      endUserOption: /Société Générale de Crêpes/,
      workflow: /Process end user/,
    });
    const result = app.result("Heron timed out");
    await expect(result).toContainText("so the workflow may have started");
    await expect(result).toContainText("Recorded in the history as");
    await expect(app.outcomeOf(app.historyRows(name), "Unknown")).toBeVisible();
  });

  await test.step("the page says what to check", async () => {
    await expect(app.resultPanel).toContainText("Before starting it again");
    await expect(app.resultPanel).toContainText(
      `In Heron's dashboard, open the executions of Standard processing for ${name}`,
    );
    await expect(app.resultPanel).toContainText(
      "The console has not checked this run at Heron yet.",
    );
    await saveStateScreenshot(page, "unknown-before-check");
  });

  let executionId = "";
  await test.step("the sandbox creates the execution late", async () => {
    await expect
      .poll(() => sandbox.executions(workflow.heron_id, user.heron_id), {
        timeout: LATE_START_MS + 5_000,
      })
      .toHaveLength(1);
    const [execution] = await sandbox.executions(
      workflow.heron_id,
      user.heron_id,
    );
    executionId = execution?.heron_id ?? "";
  });

  await test.step("Check again makes the run Started", async () => {
    await app.resultPanel.getByRole("button", { name: "Check again" }).click();
    await expect(app.resultPanel).toContainText(
      "A check at Heron found the execution, so the run is now Started",
    );
    await expect(app.resultPanel.getByText(executionId).first()).toBeVisible();
    await expect(
      app.resultPanel.getByRole("button", { name: "Check again" }),
    ).toBeHidden();
    await saveStateScreenshot(page, "unknown-reconciled");
  });

  await test.step("the history shows Started", async () => {
    const row = app.historyRows(name);
    await expect(row).toHaveCount(1);
    await expect(app.outcomeOf(row, "Started")).toBeVisible();
    await expect(row).toContainText(executionId);
  });

  expect(await sandbox.requests("start_by_name")).toHaveLength(1);
});

test("Check again finds no execution", async ({
  consolePage: app,
  page,
  sandbox,
}) => {
  const name = "Unicode Id Trading";
  // The connection closes before the sandbox's handler runs, so no
  // execution exists for the check to find.
  await sandbox.setFault({ operation: "start_by_name", closeAfterRead: true });

  await app.start({
    endUserSearch: "Unicode Id",
    endUserOption: /Unicode Id Trading/,
    workflow: /Process end user/,
  });
  await expect(app.resultPanel).toContainText("Recorded in the history as");
  await expect(app.outcomeOf(app.historyRows(name), "Unknown")).toBeVisible();

  await app.resultPanel.getByRole("button", { name: "Check again" }).click();

  await expect(app.resultPanel).toContainText("Last check");
  await expect(app.resultPanel).toContainText("No matching execution at");
  await expect(app.resultPanel).toContainText(
    "Heron listed 0 execution(s) of this workflow for this end user",
  );
  await saveStateScreenshot(page, "unknown-check-found-nothing");

  const row = app.historyRows(name);
  await expect(row).toHaveCount(1);
  await expect(app.outcomeOf(row, "Unknown")).toBeVisible();
  expect(await sandbox.requests("start_by_name")).toHaveLength(1);
  expect(await sandbox.requests("list_executions")).toHaveLength(1);
});
