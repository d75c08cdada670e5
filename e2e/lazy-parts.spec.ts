import type { Page } from "@playwright/test";
import { ConsolePage } from "./console-page";
import { expect, postRun, test } from "./fixtures";
import { pickEndUser } from "./pick-end-user";

// Parts of the page load as separate chunks. After a rebuild the console
// returns 404 for the old chunks, so each part must fail on its own and offer
// a reload that loads the new chunks.

/**
 * Fulfils requests for the chunk whose file name starts with `chunk` with a
 * 404, as the console does for a chunk of an older build. Returns a function
 * that serves the chunk again.
 */
async function failChunk(
  page: Page,
  chunk: string,
): Promise<() => Promise<void>> {
  const pattern = new RegExp(`/assets/${chunk}-[^/]+\\.js$`);
  await page.route(pattern, (route) =>
    route.fulfill({ status: 404, body: "Not found" }),
  );
  return () => page.unroute(pattern);
}

async function recordRun(page: Page): Promise<void> {
  const user = await pickEndUser(page.request, "Harbor");
  const response = await postRun(page.request, {
    end_user_heron_id: user.heron_id,
    workflow_name: "Standard processing",
    workflow_parameters: {},
    allow_duplicate: true,
  });
  expect(response.status(), "recording a run").toBe(201);
}

function updateAlert(app: ConsolePage, part: string) {
  return app.page.getByRole("alert", { name: `${part} could not load` });
}

async function expectStartFormWorks(app: ConsolePage): Promise<void> {
  await expect(app.form).toBeVisible();
  await expect(app.endUser).toBeEnabled();
  await app.chooseWorkflow(/Process end user/);
  await expect(app.workflow).toHaveValue("Process end user");
}

async function expectHistoryWorks(app: ConsolePage): Promise<void> {
  await expect(app.allHistoryRows().first()).toBeVisible();
  await expect(
    app.page.getByRole("navigation", { name: "History pages" }),
  ).toBeVisible();
}

test("presets fail alone and reload", async ({ page }) => {
  await recordRun(page);
  const serveAgain = await failChunk(page, "preset-controls");
  const app = new ConsolePage(page);
  await app.goto();

  const alert = updateAlert(app, "Presets");
  await expect(alert).toContainText("The console was updated");
  await expect(page.getByText(/failed to display/)).toHaveCount(0);
  await expectHistoryWorks(app);
  await expectStartFormWorks(app);

  await serveAgain();
  await alert.getByRole("button", { name: "Reload page" }).click();
  await app.chooseWorkflow(/Process end user/);
  await expect(app.presetPicker).toBeVisible();
  await expect(alert).toHaveCount(0);
});

test("history filters fail alone", async ({ page }) => {
  await recordRun(page);
  await failChunk(page, "history-filter-bar");
  const app = new ConsolePage(page);
  await app.goto();

  const alert = updateAlert(app, "History filters");
  await expect(alert).toBeVisible();
  await expect(
    app.history.getByRole("heading", { name: "History" }),
  ).toBeVisible();
  await expect(app.history).not.toContainText("failed to display");
  await expectHistoryWorks(app);
  await expectStartFormWorks(app);
});

test("run details fail alone", async ({ page }) => {
  await recordRun(page);
  await failChunk(page, "run-detail-drawer");
  const app = new ConsolePage(page);
  await app.goto();

  await app.rowAction(app.allHistoryRows().first(), "Details").click();
  await expect(updateAlert(app, "Run details")).toBeVisible();
  await expect(app.history).not.toContainText("failed to display");
  await expect(app.historyFilters).toBeVisible();
  await expectHistoryWorks(app);
  await expectStartFormWorks(app);
});

test("parameters editor fails alone", async ({ page }) => {
  await recordRun(page);
  await failChunk(page, "json-code-editor");
  const app = new ConsolePage(page);
  await app.goto();

  await expect(updateAlert(app, "The parameters editor")).toBeVisible();
  await expect(page.getByText(/failed to display/)).toHaveCount(0);
  await expect(app.endUser).toBeEnabled();
  await expectHistoryWorks(app);
});
