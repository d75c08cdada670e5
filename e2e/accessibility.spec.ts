import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const BLOCKING_IMPACTS = new Set(["serious", "critical"]);

/**
 * Waits for finite CSS transitions and animations to end, so axe does not
 * measure the contrast of a dialog or drawer that is still fading in. Endless
 * ones, such as the editor's blinking cursor, never end and are skipped.
 */
async function waitForTransitions(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== "running" ||
          animation.effect?.getComputedTiming().endTime === Infinity,
      ),
  );
}

async function expectNoSeriousViolations(
  page: Page,
  state: string,
): Promise<void> {
  await waitForTransitions(page);
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations
    .filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ""))
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
  expect(blocking, `serious or critical axe violations in ${state}`).toEqual(
    [],
  );
}

test("every screen state passes axe", async ({ consolePage: app, page }) => {
  // Five full-page scans take about 10 to 20 s on a busy 2-core machine.
  test.setTimeout(60_000);

  await test.step("the filled form", async () => {
    await app.fillForm({
      endUserSearch: "Αθηνά",
      endUserOption: /Αθηνά Ναυτιλιακή/,
      workflow: /Revisión manual/,
      parameters: '{\n  "note": "axe"\n}',
    });
    await expectNoSeriousViolations(page, "the filled form");
  });

  await test.step("the review dialog", async () => {
    await app.openReview();
    await expectNoSeriousViolations(page, "the review dialog");
  });

  await test.step("the start result", async () => {
    await app.confirmStart();
    await expect(app.result("Workflow started")).toBeVisible();
    await expectNoSeriousViolations(page, "the start result");
  });

  await test.step("the history", async () => {
    const row = app.historyRows("Αθηνά Ναυτιλιακή");
    await expect(app.outcomeOf(row, "Started")).toBeVisible();
    await app.history.scrollIntoViewIfNeeded();
    await expectNoSeriousViolations(page, "the history");
  });

  await test.step("the run details", async () => {
    await app.openRunDetails("Αθηνά Ναυτιλιακή");
    await expectNoSeriousViolations(page, "the run details");
  });
});
