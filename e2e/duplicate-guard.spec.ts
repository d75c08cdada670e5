import { E2E_DUPLICATE_WINDOW_MINUTES } from "./environment";
import { expect, test } from "./fixtures";
import { saveStateScreenshot } from "./state-screenshots";

test("second start needs a confirmation", async ({
  consolePage: app,
  page,
  sandbox,
}) => {
  const name = "O'Brien & Sons";

  await test.step("the first start goes through", async () => {
    await app.start({
      endUserSearch: "O'Brien",
      endUserOption: /O'Brien & Sons/,
      workflow: /Process end user/,
    });
    await expect(app.result("Workflow started")).toBeVisible();
  });

  const warning = app.reviewDialog.getByRole("status").filter({
    hasText: "This end user and workflow ran recently",
  });

  await test.step("the review lists the recent run", async () => {
    // The form keeps its values after a start, so Review repeats it.
    await app.openReview();
    await expect(warning).toBeVisible();
    await expect(warning).toContainText(
      `in the last ${E2E_DUPLICATE_WINDOW_MINUTES} minutes`,
    );
    const recentRuns = warning.getByRole("list", { name: "Recent runs" });
    await expect(recentRuns.getByRole("listitem")).toHaveCount(1);
    await expect(recentRuns).toContainText("Started");
    await expect(app.startAgainCheckbox).not.toBeChecked();
    await expect(app.startButton).toBeDisabled();
    await saveStateScreenshot(app.reviewDialog, "duplicate-review-unconfirmed");
  });

  await test.step("ticking the checkbox enables Start", async () => {
    await app.startAgainCheckbox.check();
    await expect(app.startButton).toBeEnabled();
    await saveStateScreenshot(app.reviewDialog, "duplicate-review-confirmed");
    await app.confirmStart();
    await expect(app.result("Workflow started")).toBeVisible();
  });

  await test.step("both starts are recorded", async () => {
    const rows = app.historyRows(name);
    await expect(rows).toHaveCount(2);
    await expect(
      rows.getByRole("cell", { name: "Started", exact: true }),
    ).toHaveCount(2);
    await saveStateScreenshot(page, "duplicate-started-twice");
  });

  await test.step("the sandbox received exactly two starts", async () => {
    const starts = await sandbox.requests("start_by_name");
    expect(starts).toHaveLength(2);
    // The confirmation is the console's own, so Heron never receives it.
    for (const start of starts) {
      expect(start.body_text).not.toContain("allow_duplicate");
    }
  });
});
