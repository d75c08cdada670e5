import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Enough for every control before the start form's pickers, with room for
// a few more, yet a focus trap still fails fast.
const MAX_TABS = 15;

/** Presses Tab until `target` has focus, and throws after MAX_TABS presses. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < MAX_TABS; presses += 1) {
    await page.keyboard.press("Tab");
    const focused = await target.evaluate(
      (element) => element === document.activeElement,
    );
    if (focused) return;
  }
  throw new Error(
    `Tab did not reach ${target} in ${MAX_TABS} presses. Check the page's tab order.`,
  );
}

test("keyboard alone starts a workflow", async ({
  consolePage: app,
  page,
  sandbox,
}) => {
  const name = "🍕 Pizza Planet";

  await test.step("pick the end user", async () => {
    await tabTo(page, app.endUser);
    await page.keyboard.type("Pizza Planet");
    const option = page
      .getByRole("listbox", { name: "End user" })
      .getByRole("option", { name: /Pizza Planet/ });
    // Options stay disabled until the search for the typed text returns.
    await expect(option).toBeEnabled();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(app.endUser).toHaveValue(name);
  });

  await test.step("pick the workflow", async () => {
    await tabTo(page, app.workflow);
    await page.keyboard.type("Process end");
    await expect(
      page.getByRole("option", { name: /Process end user/ }),
    ).toBeVisible();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(app.workflow).toHaveValue("Process end user");
  });

  await test.step("Ctrl+Enter opens the review", async () => {
    await page.keyboard.press("Control+Enter");
    await expect(app.reviewDialog).toBeVisible();
    await expect(app.reviewDialog.getByText(name)).toBeVisible();
    // The shortcut does nothing until the check for recent runs returns.
    await expect(app.startButton).toBeEnabled();
  });

  await test.step("Ctrl+Enter in the review starts", async () => {
    await page.keyboard.press("Control+Enter");
    await expect(app.reviewDialog).toBeHidden();
    await expect(app.result("Workflow started")).toBeVisible();
    const row = app.historyRows(name);
    await expect(row).toHaveCount(1);
    await expect(app.outcomeOf(row, "Started")).toBeVisible();
    expect(await sandbox.requests("start_by_name")).toHaveLength(1);
  });
});
