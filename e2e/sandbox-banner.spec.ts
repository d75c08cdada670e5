import { expect, test } from "./fixtures";

const BANNER = "Sandbox: runs go to the built-in Heron sandbox, not to Heron";

test("no sandbox banner with a key", async ({ consolePage: app, page }) => {
  // The server version comes from the same health request as the banner,
  // so once it shows, the banner has been decided.
  await expect(page.getByText(/^Server \d/)).toBeVisible();
  await expect(app.form).toBeVisible();
  await expect(page.getByText(BANNER)).toBeHidden();
});

test("sandbox banner without a key", async ({ page, keylessConsole }) => {
  test.setTimeout(60_000);

  await page.goto(keylessConsole.url);

  await expect(page.getByText(BANNER)).toBeVisible();
  const health = await page.request.get(`${keylessConsole.url}/api/health`);
  expect(((await health.json()) as { heron_mode: string }).heron_mode).toBe(
    "sandbox",
  );
});
