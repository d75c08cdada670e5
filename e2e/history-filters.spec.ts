import { ConsolePage } from "./console-page";
import { expect, lookUpEndUser, postRun, test } from "./fixtures";
import { saveStateScreenshot } from "./state-screenshots";

test("history filters survive a reload", async ({ page }) => {
  const name = "Family 👨‍👩‍👧 Dental";
  const user = await lookUpEndUser(page.request, name);

  await test.step("record a started and a rejected run", async () => {
    const started = await postRun(page.request, {
      end_user_heron_id: user.heron_id,
      workflow_name: "Standard processing",
      workflow_parameters: {},
    });
    expect(started.status()).toBe(201);
    // The sandbox validates send_report's email parameter, so it rejects
    // this start with 422.
    const rejected = await postRun(page.request, {
      end_user_heron_id: user.heron_id,
      workflow_name: "send_report",
      workflow_parameters: { email: "not an address" },
    });
    expect(rejected.status()).toBe(422);
  });

  const app = new ConsolePage(page);
  await app.goto();
  const rows = app.historyRows(name);

  await test.step("both runs show unfiltered", async () => {
    await expect(rows).toHaveCount(2);
  });

  await test.step("apply search, outcome and workflow", async () => {
    await app.applyHistoryFilters({
      search: "family",
      outcomes: ["started"],
      workflowName: "Standard processing",
    });
    await expect(page).toHaveURL(
      (url) =>
        url.searchParams.get("q") === "family" &&
        url.searchParams.get("outcome") === "started" &&
        url.searchParams.get("workflow_name") === "Standard processing",
    );
    await expectOnlyTheStartedRun(app, name);
  });

  await test.step("a reload keeps filters and rows", async () => {
    await page.reload();
    const filters = app.historyFilters;
    await expect(filters.getByRole("textbox", { name: "Search" })).toHaveValue(
      "family",
    );
    await expect(
      filters.getByRole("textbox", { name: "Workflow name" }),
    ).toHaveValue("Standard processing");
    await expect(filters.getByText("started", { exact: true })).toBeVisible();
    await expectOnlyTheStartedRun(app, name);
  });

  await test.step("Clear filters shows both runs again", async () => {
    await app.historyFilters
      .getByRole("button", { name: "Clear filters" })
      .click();
    await expect(page).toHaveURL((url) => url.search === "");
    await expect(rows).toHaveCount(2);
  });
});

async function expectOnlyTheStartedRun(
  app: ConsolePage,
  name: string,
): Promise<void> {
  const all = app.allHistoryRows();
  await expect(all).toHaveCount(1);
  await expect(all).toContainText(name);
  await expect(app.outcomeOf(all, "Started")).toBeVisible();
  await expect(all).toContainText("Standard processing");
}

test("invalid link filters say why", async ({ page }) => {
  const app = new ConsolePage(page);
  const invalid = app.history
    .getByRole("alert")
    .filter({ hasText: "The history filters are invalid" });

  await test.step("a From that is not a time", async () => {
    await page.goto("/?from=notadate");
    await expect(invalid).toContainText(
      'From (from): "notadate". from must be an ISO 8601 UTC time',
    );
    await expect(
      invalid.getByRole("button", { name: "Try again" }),
    ).toHaveCount(0);
    await saveStateScreenshot(app.history, "history-invalid-filters");
  });

  await test.step("Clear filters loads the history", async () => {
    await invalid.getByRole("button", { name: "Clear filters" }).click();
    await expect(page).toHaveURL((url) => url.search === "");
    await expect(invalid).toBeHidden();
    await expect(app.history.getByRole("alert")).toHaveCount(0);
  });

  await test.step("a search over 200 characters", async () => {
    await page.goto(`/?q=${"a".repeat(300)}`);
    await expect(invalid).toContainText(
      `Search (q): "${"a".repeat(60)}…" (300 characters). ` +
        "q is at most 200 characters.",
    );
  });

  await test.step("an unknown outcome is ignored aloud", async () => {
    await page.goto("/?outcome=bogus&q=family");
    const notice = app.history
      .getByRole("alert")
      .filter({ hasText: "Outcome filter ignored" });
    await expect(notice).toContainText(
      'The link\'s outcome "bogus" is not a run outcome, so the history ' +
        "ignored it.",
    );
    await expect(page).toHaveURL(
      (url) =>
        !url.searchParams.has("outcome") &&
        url.searchParams.get("q") === "family",
    );
    await notice.getByRole("button", { name: "Dismiss" }).click();
    await expect(notice).toBeHidden();
  });
});
