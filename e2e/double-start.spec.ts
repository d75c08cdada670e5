import { expect, test } from "./fixtures";

test("double click starts the workflow once", async ({
  consolePage: app,
  sandbox,
}) => {
  // A slow Heron keeps the first start in flight while the second click
  // lands.
  await sandbox.setFault({ operation: "start_by_name", latencyMs: 2000 });

  await app.fillForm({
    endUserSearch: "Crème",
    endUserOption: /Crème Brûlée Café/,
    workflow: /Process end user/,
  });
  await app.openReview();
  await app.startButton.dblclick();

  await expect(app.result("Workflow started")).toBeVisible({
    timeout: 10_000,
  });
  expect(await sandbox.requests("start_by_name")).toHaveLength(1);
  await expect(app.historyRows("Crème Brûlée Café")).toHaveCount(1);
});
