import { seedWorkflowDefinitions } from "../server/sandbox/seed/workflows";
import { expect, test } from "./fixtures";
import { saveStateScreenshot } from "./state-screenshots";

const STANDARD_NODES =
  seedWorkflowDefinitions().find(
    (definition) => definition.workflow.name === "Standard processing",
  )?.nodes ?? [];

test("result follows the execution to its end", async ({
  consolePage: app,
  page,
  sandbox,
}) => {
  await app.start({
    endUserSearch: "Rocket",
    endUserOption: /Rocket 🚀 Logistics/,
    workflow: /Process end user/,
  });
  const result = app.result("Workflow started");
  const status = result.getByRole("status").filter({
    hasText: "Execution status",
  });

  await test.step("the first read shows it unfinished", async () => {
    await expect(status).toContainText(
      "Not finished. The console reads it again until it is.",
    );
    await saveStateScreenshot(page, "execution-running");
  });

  await test.step("later reads show it finished", async () => {
    await expect(status).toContainText("Finished.");
    await expect(status.getByText("completed", { exact: true })).toBeVisible();
    expect(
      (await sandbox.requests("execution_status")).length,
    ).toBeGreaterThanOrEqual(2);
  });

  await test.step("the nodes table lists every node", async () => {
    expect(STANDARD_NODES.length).toBeGreaterThan(0);
    const table = result.getByRole("table", { name: "Nodes of the execution" });
    for (const node of STANDARD_NODES) {
      const row = table.getByRole("row").filter({ hasText: node });
      await expect(row).toHaveCount(1);
      await expect(row.getByText("completed", { exact: true })).toBeVisible();
    }
    await saveStateScreenshot(page, "execution-finished");
  });

  expect(await sandbox.requests("start_by_name")).toHaveLength(1);
});

test("refused status read shows a note", async ({
  consolePage: app,
  page,
  sandbox,
}) => {
  await sandbox.setFault({
    operation: "execution_status",
    respond: { status: 403, format: "envelope" },
  });

  await app.start({
    endUserSearch: "Sunny",
    endUserOption: /Sunny ☀️ Days Daycare/,
    workflow: /Process end user/,
  });

  const result = app.result("Workflow started");
  const note = result.getByRole("note", {
    name: "Execution status unavailable",
  });
  await expect(note).toBeVisible();
  await expect(note).toContainText("Status unavailable for this key");
  await saveStateScreenshot(page, "execution-status-unavailable");

  // A note, not an error: the started panel is the form's only alert.
  await expect(app.form.getByRole("alert")).toHaveCount(1);
  await expect(
    app.outcomeOf(app.historyRows("Sunny ☀️ Days Daycare"), "Started"),
  ).toBeVisible();
  // Heron gives no status for this key, so the page stops reading it.
  expect(await sandbox.requests("execution_status")).toHaveLength(1);
  expect(await sandbox.requests("start_by_name")).toHaveLength(1);
});
