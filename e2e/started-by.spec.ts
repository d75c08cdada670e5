import { E2E_ACCOUNTS } from "./accounts";
import { expect, test } from "./fixtures";
import { saveStateScreenshot } from "./state-screenshots";

const NAME = "Jo & Ann's Diner";
const REASON = "OPS-4242: the customer asked for a re-run";
const operator = E2E_ACCOUNTS.operator;

test("run shows who started it and why", async ({ consolePage: app, page }) => {
  const reason = app.form.getByRole("textbox", { name: "Reason or ticket" });

  await test.step("the review shows the reason", async () => {
    await app.fillForm({
      endUserSearch: "Jo & Ann",
      endUserOption: /Jo & Ann's Diner/,
      workflow: /Process end user/,
    });
    await reason.fill(`  ${REASON}  `);
    await app.openReview();
    await expect(app.reviewDialog.getByText(REASON)).toBeVisible();
  });

  await test.step("the history row names the operator", async () => {
    await app.confirmStart();
    await expect(app.result("Workflow started")).toBeVisible();
    const row = app.historyRows(NAME);
    await expect(row).toHaveCount(1);
    await expect(row.getByText(operator.displayName)).toBeVisible();
    await expect(row.getByText(REASON)).toBeVisible();
    await saveStateScreenshot(page, "history-started-by");
  });

  await test.step("the details show the staff member", async () => {
    await app.openRunDetails(NAME);
    await expect(app.runDetails).toContainText(operator.displayName);
    await expect(app.runDetails).toContainText(operator.email);
    await expect(app.runDetails).toContainText(REASON);
    await app.runDetails.getByRole("button", { name: /close/i }).click();
    await expect(app.runDetails).toBeHidden();
  });

  await test.step("the history filters by who started", async () => {
    const picker = app.historyFilters.getByRole("combobox", {
      name: "Started by",
    });
    await picker.click();
    await page
      .getByRole("option", { name: new RegExp(operator.displayName) })
      .click();
    await app.historyFilters
      .getByRole("button", { name: "Apply filters" })
      .click();
    await expect(page).toHaveURL(/started_by=usr_/);
    await expect(app.historyRows(NAME)).toHaveCount(1);
    const rows = app.allHistoryRows();
    for (const row of await rows.all()) {
      await expect(row.getByText(operator.displayName)).toBeVisible();
    }
  });
});
