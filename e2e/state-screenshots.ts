import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { E2E_STATE_SCREENSHOTS } from "./environment";

/**
 * Saves a screenshot of a state for people to look at: the whole page, or
 * one element such as a dialog, which a full-page screenshot cuts off at the
 * viewport's edge. The specs' assertions carry the test, so nothing compares
 * these images.
 */
export async function saveStateScreenshot(
  target: Page | Locator,
  state: string,
): Promise<void> {
  const file = path.join(E2E_STATE_SCREENSHOTS, `${state}.png`);

  if ("goto" in target) {
    await target.screenshot({
      path: file,
      fullPage: true,
      animations: "disabled",
    });
    return;
  }

  await target.screenshot({ path: file, animations: "disabled" });
}
