import { expect, type Locator, type Page } from "@playwright/test";
import type { E2eAccount } from "./accounts";

/** The sign-in page of a signed-out browser, or the sign-in dialog after a session ends. */
export class SignInPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  constructor(
    readonly page: Page,
    scope: Page | Locator = page,
  ) {
    this.heading = page.getByRole("heading", { name: "Sign in", level: 1 });
    this.form = scope.getByRole("form", { name: "Sign in" });
    this.email = this.form.getByRole("textbox", { name: "Email" });
    this.password = this.form.getByLabel("Password", { exact: true });
    this.submit = this.form.getByRole("button", { name: "Sign in" });
  }

  async goto(path = "/"): Promise<void> {
    await this.page.goto(path);
    await expect(this.form).toBeVisible();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Signs in and waits for the console's header to name the account. */
  async signInAs(account: E2eAccount): Promise<void> {
    await this.signIn(account.email, account.password);
    await expect(
      this.page.getByRole("banner").getByText(account.displayName),
    ).toBeVisible();
  }
}
