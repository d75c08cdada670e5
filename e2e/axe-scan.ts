import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

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

/**
 * Scans the whole page with axe. Fails on serious or critical violations and
 * records moderate ones as annotations of the running test, so the report
 * shows them without failing.
 */
export async function expectNoSeriousViolations(
  page: Page,
  state: string,
): Promise<void> {
  await waitForTransitions(page);
  const results = await new AxeBuilder({ page }).analyze();
  const describe = (violation: (typeof results.violations)[number]) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(" ")),
  });

  for (const violation of results.violations) {
    if (violation.impact !== "moderate") continue;
    const { rule, help, targets } = describe(violation);
    test.info().annotations.push({
      type: "axe moderate",
      description: `${state}: ${rule} (${help}) at ${targets.join(", ")}`,
    });
  }

  const blocking = results.violations
    .filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ""))
    .map(describe);
  expect(blocking, `serious or critical axe violations in ${state}`).toEqual(
    [],
  );
}
