import { ConsolePage } from "./console-page";
import { cutInScrollTexts, scrollBoxSizes } from "./cut-elements";
import { expect, postRun, test } from "./fixtures";
import { pickEndUser } from "./pick-end-user";
import { saveStateScreenshot } from "./state-screenshots";

// A name without spaces cannot wrap, so its column makes the table wider
// than the history leaves it at these widths, and the table scrolls.
const LONG_WORKFLOW = "reconcile_bank_statements_and_recalculate_the_scorecard";

for (const width of [1280, 1920]) {
  test(`row actions stay whole at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const user = await pickEndUser(page.request, "Granite");

    await test.step("record a run of a long workflow name", async () => {
      // The sandbox has no such workflow and rejects the start with 404,
      // but the console still records the run.
      const response = await postRun(page.request, {
        end_user_heron_id: user.heron_id,
        workflow_name: LONG_WORKFLOW,
        workflow_parameters: {},
      });
      expect(response.status()).toBe(404);
    });

    const app = new ConsolePage(page);
    await page.goto(`/?end_user_heron_id=${encodeURIComponent(user.heron_id)}`);
    const rows = app.allHistoryRows();
    await expect(rows.first()).toContainText(LONG_WORKFLOW);

    await test.step("the table scrolls sideways", async () => {
      const sizes = await scrollBoxSizes(app.historyTable);
      expect(sizes.client).toBeGreaterThan(0);
      expect(sizes.scroll).toBeGreaterThan(sizes.client);
    });

    await test.step("every row button shows its whole label", async () => {
      const buttons = rows.getByRole("button");
      // Details, Start like this and Copy link on each row.
      expect(await buttons.count()).toBe((await rows.count()) * 3);
      expect(await cutInScrollTexts(buttons)).toEqual([]);
      await saveStateScreenshot(app.history, `history-table-${width}`);
    });
  });
}
