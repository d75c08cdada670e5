import { request as requestFactory } from "@playwright/test";
import { E2E_ACCOUNTS, SIGNED_OUT_STATE } from "./accounts";
import { addOperator } from "./admin-api";
import { E2E_CONSOLE_URL } from "./environment";
import { expect, postRun, test } from "./fixtures";
import { pickEndUser } from "./pick-end-user";
import { signInThroughApi } from "./session-api";
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

test("Started by follows new starters", async ({ consolePage: app, page }) => {
  const newcomer = await addOperator("Nico Newstart");
  const picker = app.historyFilters.getByRole("combobox", {
    name: "Started by",
  });

  await test.step("an id with no runs says so", async () => {
    await page.goto(`/?started_by=${newcomer.id}`);
    await expect(picker).toHaveValue(
      `No runs by this account (${newcomer.id})`,
    );
    await expect(
      app.historyFilters.getByText("No runs recorded for this account"),
    ).toBeVisible();
    await expect(
      app.history.getByText("No runs match these filters"),
    ).toBeVisible();
  });

  await test.step("the newcomer starts a first run", async () => {
    // A filter that hides the new run, so only Refresh can bring the
    // newcomer into the list.
    const staffRead = page.waitForResponse("**/api/staff");
    await page.goto("/?workflow_name=Recalculate%20scorecard");
    await staffRead;

    const context = await requestFactory.newContext({
      baseURL: E2E_CONSOLE_URL,
      storageState: SIGNED_OUT_STATE,
    });
    try {
      await signInThroughApi(context, newcomer.account);
      // An end user no other spec starts, so no duplicate check applies.
      const user = await pickEndUser(context, "Redwood");
      const response = await postRun(context, {
        end_user_heron_id: user.heron_id,
        workflow_name: "Standard processing",
        workflow_parameters: {},
      });
      expect(response.status()).toBe(201);
    } finally {
      await context.dispose();
    }
  });

  await test.step("Refresh offers the newcomer", async () => {
    await app.history
      .getByRole("button", { name: "Refresh", exact: true })
      .click();
    await picker.click();
    await expect(
      page.getByRole("option", { name: /^Nico Newstart/ }),
    ).toBeVisible();
  });
});
