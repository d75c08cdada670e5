import { expect, test } from "./fixtures";

test("unknown workflow shows Heron's 404", async ({
  consolePage: app,
  sandbox,
}) => {
  await sandbox.setFault({
    operation: "start_by_name",
    respond: {
      status: 404,
      format: "envelope",
      description: "Workflow not found",
    },
  });

  await app.start({
    endUserSearch: "Łódź",
    endUserOption: /Łódź Przewozy/,
    workflow: /Sync accounting data/,
  });

  const result = app.result(
    "Heron could not find the end user or the workflow",
  );
  await expect(result).toContainText(
    'no workflow named "Sync accounting data"',
  );
  await expect(result).toContainText("Pick the workflow again from the list.");

  const row = app.historyRows("Łódź Przewozy");
  await expect(row).toHaveCount(1);
  await expect(app.outcomeOf(row, "Rejected")).toBeVisible();
  await expect(
    row.getByRole("cell", { name: "404", exact: true }),
  ).toBeVisible();
  expect(await sandbox.requests("start_by_name")).toHaveLength(1);
});

test("Heron 500 is recorded as failed", async ({
  consolePage: app,
  sandbox,
}) => {
  await sandbox.setFault({
    operation: "start_by_name",
    respond: { status: 500, format: "envelope" },
  });

  await app.start({
    endUserSearch: "Straße",
    endUserOption: /Straße & Brücke Bau GmbH/,
    workflow: /Process end user/,
  });

  await expect(app.resultPanel).toContainText(
    "Heron failed on the workflow start with HTTP 500.",
  );
  await expect(app.resultPanel).toContainText("Recorded in the history as");

  const row = app.historyRows("Straße & Brücke Bau GmbH");
  await expect(row).toHaveCount(1);
  await expect(app.outcomeOf(row, "Failed")).toBeVisible();
  expect(await sandbox.requests("start_by_name")).toHaveLength(1);
});

test("Heron timeout is recorded as unknown", async ({
  consolePage: app,
  sandbox,
}) => {
  await sandbox.setFault({ operation: "start_by_name", hang: true });

  await app.start({
    endUserSearch: "Bäckerei",
    endUserOption: /Bäckerei Groß & Söhne KG/,
    workflow: /Process end user/,
  });

  await expect(app.result("Heron timed out")).toContainText(
    "Heron did not respond within 3 s, so the workflow may have started.",
  );
  await expect(app.resultPanel).toContainText(
    "Check the history before starting it again",
  );

  const row = app.historyRows("Bäckerei Groß & Söhne KG");
  await expect(row).toHaveCount(1);
  await expect(app.outcomeOf(row, "Unknown")).toBeVisible();
  expect(await sandbox.requests("start_by_name")).toHaveLength(1);
});
