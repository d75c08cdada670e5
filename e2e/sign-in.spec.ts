import { E2E_ACCOUNTS, SIGNED_OUT_STATE } from "./accounts";
import { addOperator, setRole } from "./admin-api";
import { ConsolePage } from "./console-page";
import { csrfHeaders, expect, test } from "./fixtures";
import { SignInPage } from "./sign-in-page";
import { saveStateScreenshot } from "./state-screenshots";

// Each test signs in for itself: signing out ends only this browser's
// session, never the stored one the other specs share.
test.use({ storageState: SIGNED_OUT_STATE });

const operator = E2E_ACCOUNTS.operator;

test("local sign-in and sign-out", async ({ page }) => {
  const signInPage = new SignInPage(page);
  const app = new ConsolePage(page);

  await test.step("the console asks to sign in", async () => {
    await signInPage.goto();
    await expect(signInPage.heading).toBeVisible();
    await expect(app.form).toHaveCount(0);
    await saveStateScreenshot(page, "sign-in-page");
  });

  await test.step("a wrong password is rejected", async () => {
    await signInPage.signIn(operator.email, "not-the-password-1234");
    await expect(
      signInPage.form.getByText(
        "The email or password is not right. Check both and try again. If they are right, ask an admin whether your account is enabled.",
      ),
    ).toBeVisible();
    await expect(signInPage.password).toHaveValue("");
    await expect(signInPage.email).toHaveValue(operator.email);
  });

  await test.step("an unknown account gets the same words", async () => {
    await signInPage.signIn("nobody@e2e.example", "not-the-password-1234");
    await expect(
      signInPage.form.getByText(
        "The email or password is not right. Check both and try again. If they are right, ask an admin whether your account is enabled.",
      ),
    ).toBeVisible();
  });

  await test.step("the right password signs in", async () => {
    await signInPage.signInAs(operator);
    const header = page.getByRole("banner");
    await expect(header.getByText("Operator", { exact: true })).toBeVisible();
    await expect(header.getByText(operator.email)).toBeVisible();
    await expect(app.form).toBeVisible();
    await saveStateScreenshot(page, "signed-in-header");
  });

  await test.step("sign out returns to the sign-in page", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(signInPage.form).toBeVisible();
    const runs = await page.request.get("/api/runs");
    expect(runs.status()).toBe(401);
  });
});

test("sign-in from the keyboard alone", async ({ page }) => {
  const signInPage = new SignInPage(page);
  await signInPage.goto();

  await signInPage.email.focus();
  await page.keyboard.type(operator.email);
  await page.keyboard.press("Tab");
  await expect(signInPage.password).toBeFocused();
  await page.keyboard.type(operator.password);

  await page.keyboard.press("Tab");
  const show = signInPage.form.getByRole("button", { name: "Show password" });
  await expect(show).toBeFocused();
  await page.keyboard.press("Space");
  await expect(signInPage.password).toHaveAttribute("type", "text");
  await expect(show).toHaveAttribute("aria-pressed", "true");
  await expect(show).toBeFocused();

  await page.keyboard.press("Tab");
  await expect(signInPage.submit).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("banner").getByText(operator.displayName),
  ).toBeVisible();
});

test("single sign-on error is explained", async ({ page }) => {
  const signInPage = new SignInPage(page);

  await signInPage.goto("/?sign_in_error=no_role");
  await expect(page.getByText("has no console role")).toBeVisible();
  await expect(page).not.toHaveURL(/sign_in_error/);
});

test("ended session keeps the form", async ({ page }) => {
  const signInPage = new SignInPage(page);
  const app = new ConsolePage(page);
  const reason = app.form.getByRole("textbox", { name: "Reason or ticket" });

  await signInPage.goto();
  await signInPage.signInAs(operator);
  await app.chooseEndUser("Müller", /Café Müller GmbH/);
  await reason.fill("OPS-7 typed before the session ended");

  await test.step("the session ends elsewhere", async () => {
    const signOut = await page.request.post("/api/auth/sign-out", {
      headers: await csrfHeaders(page.request),
    });
    expect(signOut.status()).toBe(204);
  });

  const dialog = page.getByRole("dialog", { name: "Your session has ended" });
  await test.step("the next request opens the sign-in dialog", async () => {
    await app.history.getByRole("button", { name: "Refresh" }).click();
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("you signed out in another tab");
    await saveStateScreenshot(page, "session-ended-dialog");
  });

  await test.step("signing in again keeps what was typed", async () => {
    const again = new SignInPage(page, dialog);
    await expect(again.email).toHaveValue(operator.email);
    await expect(again.password).toBeFocused();
    await again.signIn(operator.email, operator.password);
    await expect(dialog).toBeHidden();
    await expect(reason).toHaveValue("OPS-7 typed before the session ended");
    await expect(app.endUser).toHaveValue("Café Müller GmbH");
  });
});

test("ended session covers an open review", async ({ page }) => {
  const signInPage = new SignInPage(page);
  const app = new ConsolePage(page);
  const dialog = page.getByRole("dialog", { name: "Your session has ended" });

  await signInPage.goto();
  await signInPage.signInAs(operator);
  await app.fillForm({
    endUserSearch: "Müller",
    endUserOption: /Café Müller GmbH/,
    workflow: /Process end user/,
  });

  // The session ends in another tab, then the review's own reads find out.
  const signOut = await page.request.post("/api/auth/sign-out", {
    headers: await csrfHeaders(page.request),
  });
  expect(signOut.status()).toBe(204);
  await app.openReview();
  await expect(dialog).toBeVisible();

  // Playwright clicks only what is on top, so this fails if the review
  // covers the sign-in dialog.
  const again = new SignInPage(page, dialog);
  await again.signIn(operator.email, operator.password);
  await expect(dialog).toBeHidden();
  await expect(app.reviewDialog).toBeVisible();
});

test("operator made viewer is told why", async ({ page }) => {
  const demoted = await addOperator("Dana Demoted");
  const app = new ConsolePage(page);
  const reason = app.form.getByRole("textbox", { name: "Reason or ticket" });

  await new SignInPage(page).goto();
  await new SignInPage(page).signInAs(demoted.account);
  await app.fillForm({
    endUserSearch: "Müller",
    endUserOption: /Café Müller GmbH/,
    workflow: /Process end user/,
  });
  await reason.fill("OPS-88 half typed");
  await app.openReview();

  await setRole(demoted.id, "viewer");
  // The start gets a 403, so the page reads the session and its new role.
  await app.startButton.click();

  const section = page.getByRole("region", { name: "Start a workflow" });
  await expect(section.getByText("Your role changed")).toBeVisible();
  await expect(section).toContainText("Nothing you had typed in it was sent");
  await expect(app.form).toHaveCount(0);
});
