import { expectNoAxeViolations } from "./axe-scan";
import type { Page } from "@playwright/test";
import type { ColorScheme } from "./console-page";
import { expect, test } from "./fixtures";

// One end user per scheme, so the second test's start is not a repeat.
const SCHEMES: { scheme: ColorScheme; search: string; name: string }[] = [
  { scheme: "Light", search: "Αθηνά", name: "Αθηνά Ναυτιλιακή Α.Ε." },
  { scheme: "Dark", search: "Quoted", name: '"Quoted" Trading Ltd' },
];

for (const { scheme, search, name } of SCHEMES) {
  test(`every state passes axe, ${scheme.toLowerCase()} mode`, async ({
    consolePage: app,
    page,
  }) => {
    // Six full-page scans and a start took 20 to 25 s on a shared 2-core
    // machine, close to the default 30 s timeout.
    test.setTimeout(90_000);
    const at = (state: string) => `${state} (${scheme.toLowerCase()})`;

    await test.step("switch the color scheme", async () => {
      await app.chooseColorScheme(scheme);
    });

    await test.step("the filled form", async () => {
      await app.fillForm({
        endUserSearch: search,
        endUserOption: new RegExp(escapeRegExp(name)),
        workflow: /Revisión manual/,
        parameters: '{\n  "note": "axe"\n}',
      });
      await expectNoAxeViolations(page, at("the filled form"));
    });

    await test.step("the presets", async () => {
      await app.savePreset(`axe ${scheme.toLowerCase()}`);
      await closeToasts(page);
      await app.presetPicker.click();
      await expect(
        page.getByRole("option", { name: `axe ${scheme.toLowerCase()}` }),
      ).toBeVisible();
      await expectNoAxeViolations(page, at("the presets"));
      await app.presetPicker.press("Escape");
      await expect(app.presetPicker).toHaveAttribute("aria-expanded", "false");
    });

    await test.step("the review dialog", async () => {
      await app.openReview();
      await expectNoAxeViolations(page, at("the review dialog"));
    });

    await test.step("the start result and its toast", async () => {
      await app.confirmStart();
      await expect(app.result("Workflow started")).toBeVisible();
      // A toast under the pointer stays, so it cannot fade out mid-scan.
      await toasts(page).first().hover();
      await expectNoAxeViolations(page, at("the start result"));
      await closeToasts(page);
    });

    await test.step("the history", async () => {
      const row = app.historyRows(name);
      await expect(app.outcomeOf(row, "Started")).toBeVisible();
      await app.history.scrollIntoViewIfNeeded();
      await expectNoAxeViolations(page, at("the history"));
    });

    await test.step("the run details", async () => {
      await app.openRunDetails(name);
      await expectNoAxeViolations(page, at("the run details"));
    });
  });
}

/** Finds the open toasts, each with its own close button. */
function toasts(page: Page) {
  return page.getByRole("alert").filter({
    has: page.getByRole("button", { name: "Close notification" }),
  });
}

/**
 * Closes every toast. Each closes by itself after a few seconds, and one
 * fading out during a scan fails the contrast rule.
 */
async function closeToasts(page: Page): Promise<void> {
  const open = toasts(page);
  for (let count = await open.count(); count > 0; count -= 1) {
    await open
      .first()
      .getByRole("button", { name: "Close notification" })
      .click();
    await expect(open).toHaveCount(count - 1);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
