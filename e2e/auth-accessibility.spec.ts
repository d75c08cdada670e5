import { SIGNED_OUT_STATE, storageStatePath } from "./accounts";
import { AdminPage } from "./admin-page";
import { expectNoAxeViolations } from "./axe-scan";
import { ConsolePage, type ColorScheme } from "./console-page";
import { expect, test } from "./fixtures";
import { SignInPage } from "./sign-in-page";
import { saveStateScreenshot } from "./state-screenshots";

const SCHEMES: ColorScheme[] = ["Light", "Dark"];

for (const scheme of SCHEMES) {
  const mode = scheme.toLowerCase();

  test.describe(`sign-in page, ${mode} mode`, () => {
    test.use({ storageState: SIGNED_OUT_STATE });

    test(`sign-in page passes axe, ${mode} mode`, async ({ page }) => {
      const signInPage = new SignInPage(page);
      await signInPage.goto();
      await new ConsolePage(page).chooseColorScheme(scheme);
      await expectNoAxeViolations(page, `the sign-in page (${mode})`);

      await signInPage.signIn("nobody@e2e.example", "not-the-password-1234");
      await expect(signInPage.form.getByRole("alert")).toBeVisible();
      await expectNoAxeViolations(page, `a failed sign-in (${mode})`);
      await saveStateScreenshot(page, `sign-in-failed-${mode}`);
    });
  });

  test.describe(`admin view, ${mode} mode`, () => {
    test.use({ storageState: storageStatePath("admin") });

    test(`admin view passes axe, ${mode} mode`, async ({ page }) => {
      const admin = new AdminPage(page);
      await admin.goto();
      await new ConsolePage(page).chooseColorScheme(scheme);
      await expect(admin.audit.getByRole("row").nth(1)).toBeVisible();
      await expectNoAxeViolations(page, `the admin view (${mode})`);
      await saveStateScreenshot(page, `admin-view-${mode}`);
    });
  });

  test.describe(`viewer view, ${mode} mode`, () => {
    test.use({ storageState: storageStatePath("viewer") });

    test(`viewer view passes axe, ${mode} mode`, async ({ page }) => {
      const app = new ConsolePage(page);
      await app.goto();
      await app.chooseColorScheme(scheme);
      await expect(page.getByText(/Starting workflows needs/)).toBeVisible();
      await expectNoAxeViolations(page, `the viewer view (${mode})`);
      await saveStateScreenshot(page, `viewer-view-${mode}`);
    });
  });
}
