import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures";
import { pickEndUser } from "./pick-end-user";
import { saveStateScreenshot } from "./state-screenshots";

// The narrowest phone width the console is checked at.
const NARROW_WIDTH = 380;

test.use({ viewport: { width: NARROW_WIDTH, height: 900 } });

/**
 * Lists the text of every element inside `panel` that reaches past its right
 * edge or clips its own content, such as a shrunk button's label. What sits
 * in a scroll container may be wider, so it is left out.
 */
function cutTexts(panel: Locator): Promise<string[]> {
  return panel.evaluate((root) => {
    const right = root.getBoundingClientRect().right;
    const scrolls = (element: Element) => {
      const { overflowX } = getComputedStyle(element);
      return overflowX === "auto" || overflowX === "scroll";
    };
    const insideScroll = (element: Element) => {
      for (let at = element.parentElement; at && at !== root;) {
        if (scrolls(at)) return true;
        at = at.parentElement;
      }
      return false;
    };
    const clipsContent = (element: Element) => {
      const { overflowX } = getComputedStyle(element);
      return (
        (overflowX === "hidden" || overflowX === "clip") &&
        element.scrollWidth > element.clientWidth + 1
      );
    };
    return [...root.querySelectorAll("*")]
      .filter((element) => !insideScroll(element) && !scrolls(element))
      .filter(
        (element) =>
          element.getBoundingClientRect().right > right + 1 ||
          clipsContent(element),
      )
      .map((element) => element.textContent?.slice(0, 60) ?? "");
  });
}

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
    const sizes = await table.evaluate((element) => {
      let at = element.parentElement;
      while (at && !["auto", "scroll"].includes(getComputedStyle(at).overflowX))
        at = at.parentElement;
      return { scroll: at?.scrollWidth ?? 0, client: at?.clientWidth ?? 0 };
    });
    expect(sizes.client).toBeGreaterThan(0);
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
  });
});
