import { expect, type Locator, type Page } from "@playwright/test";

/** The admin view: staff accounts and the audit log. */
export class AdminPage {
  readonly staff: Locator;
  readonly addForm: Locator;
  readonly audit: Locator;

  constructor(readonly page: Page) {
    this.staff = page.getByRole("region", { name: "Staff" });
    this.addForm = page.getByRole("form", { name: "Add a staff member" });
    this.audit = page.getByRole("region", { name: "Audit log" });
  }

  /** Opens the console and switches to the admin view through the header. */
  async goto(): Promise<void> {
    await this.page.goto("/");
    await this.page
      .getByRole("navigation", { name: "Views" })
      .getByRole("button", { name: "Admin" })
      .click();
    await expect(this.staff).toBeVisible();
    await expect(this.audit).toBeVisible();
  }

  /** Finds the staff table's row of an account, by its email. */
  userRow(email: string): Locator {
    return this.staff
      .getByRole("row")
      .filter({ has: this.page.getByText(email, { exact: true }) });
  }

  /** Adds an account and returns the generated password the page shows once. */
  async addUser(input: {
    email: string;
    displayName: string;
    role: "Viewer" | "Operator" | "Admin";
  }): Promise<string> {
    await this.addForm
      .getByRole("textbox", { name: "Email" })
      .fill(input.email);
    await this.addForm
      .getByRole("textbox", { name: "Display name" })
      .fill(input.displayName);
    await this.addForm.getByRole("combobox", { name: "Role" }).click();
    await this.page
      .getByRole("option", { name: new RegExp(`^${input.role}:`) })
      .click();
    await this.addForm
      .getByRole("button", { name: "Add staff member" })
      .click();

    const shown = this.staff.getByRole("alert").filter({
      hasText: `Added ${input.displayName}`,
    });
    await expect(shown).toBeVisible();
    return shown
      .getByRole("textbox", { name: "Generated password" })
      .inputValue();
  }
}
