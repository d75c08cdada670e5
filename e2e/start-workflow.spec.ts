import { expect, lookUpEndUser, test } from "./fixtures";
import { SENTINEL_API_KEY } from "./environment";

test("starts a workflow for a searched end user", async ({
  consolePage: app,
  page,
  sandbox,
}) => {
  const user = await lookUpEndUser(page.request, "Café Müller GmbH");
  const parameters = { reason: "monthly review", amount: 1250.5 };
  const parametersText = JSON.stringify(parameters, null, 2);

  await test.step("fill the form", async () => {
    await app.chooseEndUser("Müller", /Café Müller GmbH/);
    await expect(app.endUser).toHaveValue("Café Müller GmbH");
    await app.chooseWorkflow(/Process end user/);
    await app.writeParameters(parametersText);
  });

  await test.step("review shows exactly what will be sent", async () => {
    await app.openReview();
    const dialog = app.reviewDialog;
    await expect(dialog.getByText("Café Müller GmbH")).toBeVisible();
    await expect(
      dialog.getByText(user.heron_id, { exact: true }),
    ).toBeVisible();
    await expect(
      dialog.getByText("Standard processing", { exact: true }),
    ).toBeVisible();
    await expect(dialog.getByLabel("Parameters to send")).toHaveText(
      parametersText,
    );
  });

  let executionId = "";
  await test.step("start and read the result", async () => {
    await app.confirmStart();
    const result = app.result("Workflow started");
    const executionIdText = result.getByText(/^wex_[A-Za-z0-9]+$/);
    await expect(executionIdText).toBeVisible();
    await expect(result).toContainText(/Status\s*(pending|running|completed)/);
    await expect(result).toContainText(/Action\s*started/);
    executionId = (await executionIdText.textContent()) ?? "";
  });

  await test.step("find the run in the history", async () => {
    const row = app.historyRows("Café Müller GmbH");
    await expect(row).toHaveCount(1);
    await expect(app.outcomeOf(row, "Started")).toBeVisible();
    await expect(row).toContainText("Standard processing");
    await expect(row).toContainText(executionId);
  });

  await test.step("the sandbox received exactly one start", async () => {
    const starts = await sandbox.requests("start_by_name");
    expect(starts).toHaveLength(1);
    const [start] = starts;
    expect(start?.headers["x-api-key"]).toBe(SENTINEL_API_KEY);
    expect(start?.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(start?.body_text ?? "")).toEqual({
      end_user_heron_id: user.heron_id,
      workflow_name: "Standard processing",
      workflow_parameters: parameters,
    });
  });
});

test("resolves a pasted heron id to its end user", async ({
  consolePage: app,
  page,
}) => {
  const user = await lookUpEndUser(page.request, "Smith & Jones Ltd");

  await app.pasteIntoEndUser(user.heron_id);

  await expect(app.endUser).toHaveValue("Smith & Jones Ltd");
  await expect(app.endUser).toHaveAccessibleDescription(
    `Selected: end_user_id ${user.end_user_id} · heron id ${user.heron_id}`,
  );
});
