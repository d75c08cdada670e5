import { expect, lookUpEndUser, test } from "./fixtures";

test("Start like this shows what changed", async ({
  consolePage: app,
  page,
  sandbox,
}) => {
  const name = "Percent Sign 100% Ltd";
  const user = await lookUpEndUser(page.request, name);
  const original = { reason: "missing statements", priority: "low" };
  const changed = { reason: "missing statements", priority: "high" };

  await test.step("start the original run", async () => {
    await app.start({
      endUserSearch: "Percent Sign",
      endUserOption: /Percent Sign 100% Ltd/,
      workflow: /Request review/,
      parameters: JSON.stringify(original, null, 2),
    });
    await expect(app.result("Workflow started")).toBeVisible();
  });

  await test.step("Start like this fills the form", async () => {
    const row = app.historyRows(name);
    await expect(row).toHaveCount(1);
    await app.rowAction(row, "Start like this").click();
    await expect(app.endUser).toHaveValue(name);
    await expect(app.workflow).toHaveValue("Request review");
    await expect(app.parameters).toHaveText(
      JSON.stringify(original, null, 2).replaceAll("\n", ""),
    );
  });

  await test.step("the review lists the one change", async () => {
    await app.writeParameters(JSON.stringify(changed, null, 2));
    await app.openReview();
    const changes = app.reviewDialog.getByRole("region", {
      name: /^Changes from the run of /,
    });
    await expect(changes).toBeVisible();
    await expect(changes).toContainText("End user: unchanged");
    await expect(changes).toContainText("Workflow: unchanged");
    await expect(changes).toContainText("Parameters: 1 changed");
    await expect(
      changes.getByText('Changed "priority": "low" → "high"', { exact: true }),
    ).toBeVisible();
    await expect(changes).not.toContainText('"reason"');
  });

  await test.step("start the changed run", async () => {
    // The same end user and workflow ran a moment ago, so the duplicate
    // guard requires a confirmation first.
    await app.startAgainCheckbox.check();
    await app.confirmStart();
    await expect(app.result("Workflow started")).toBeVisible();
    await expect(app.historyRows(name)).toHaveCount(2);
  });

  await test.step("the sandbox received the changed parameters", async () => {
    const starts = await sandbox.requests("start_by_name");
    expect(starts).toHaveLength(2);
    const bodies = starts.map((start) => JSON.parse(start.body_text ?? ""));
    expect(bodies[0]).toEqual({
      end_user_heron_id: user.heron_id,
      workflow_name: "Flag for manual review",
      workflow_parameters: original,
    });
    expect(bodies[1]).toEqual({
      end_user_heron_id: user.heron_id,
      workflow_name: "Flag for manual review",
      workflow_parameters: changed,
    });
  });
});
