import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

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

/** Scans the whole page with axe and fails on any violation, of any impact. */
export async function expectNoAxeViolations(
  page: Page,
  state: string,
): Promise<void> {
  await waitForTransitions(page);
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(" ")),
  }));

  expect(violations, `axe violations in ${state}`).toEqual([]);
}
