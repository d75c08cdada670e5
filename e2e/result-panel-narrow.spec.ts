import { cutTexts, scrollBoxSizes } from "./cut-elements";
import { expect, test } from "./fixtures";
import { pickEndUser } from "./pick-end-user";
import { saveStateScreenshot } from "./state-screenshots";

// The narrowest phone width the console is checked at.
const NARROW_WIDTH = 380;

test.use({ viewport: { width: NARROW_WIDTH, height: 900 } });

test("result panel fits 380 px", async ({ consolePage: app, page }) => {
  // An end user no other spec starts, so the duplicate check requires no
  // confirmation.
  const user = await pickEndUser(page.request, "Maple");
  const name = user.name ?? user.heron_id;
  await app.start({
    endUserSearch: name,
    endUserOption: name,
    workflow: /Process end user/,
  });
  const panel = app.result("Workflow started");
  const table = panel.getByRole("table", { name: "Nodes of the execution" });
  await expect(table).toBeVisible();
  await expect(panel.getByRole("status").first()).toContainText("Finished.");

  for (const scheme of ["Light", "Dark"] as const) {
    await test.step(`${scheme.toLowerCase()} scheme`, async () => {
      await app.chooseColorScheme(scheme);
      expect(await cutTexts(panel)).toEqual([]);
      const box = await panel.boundingBox();
      expect(box?.width ?? Infinity).toBeLessThanOrEqual(NARROW_WIDTH);
      await saveStateScreenshot(
        panel,
        `result-panel-${NARROW_WIDTH}-${scheme.toLowerCase()}`,
      );
    });
  }

  await test.step("the node table scrolls in its box", async () => {
    const sizes = await scrollBoxSizes(table);
    expect(sizes.client).toBeGreaterThan(0);
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
  });
});
