import { expect, type Locator, type Page } from "@playwright/test";
import { E2E_HERON_TIMEOUT_MS } from "./environment";

/** The input of one start through the form. */
export interface StartInput {
  /** Text typed into the end user picker, such as part of a name. */
  endUserSearch: string;
  /** The option to pick among the matches, by its visible text. */
  endUserOption: string | RegExp;
  /** The workflow option, by its dashboard label or name. */
  workflow: string | RegExp;
  /** The parameters editor's whole text, "{}" when left out. */
  parameters?: string;
}

/** Values for the history's filter form. Fields left out keep their values. */
export interface HistoryFilterInput {
  search?: string;
  /** Outcomes to pick, by their value such as "started". */
  outcomes?: string[];
  workflowName?: string;
  endUserHeronId?: string;
}

export type ColorScheme = "System" | "Light" | "Dark";

/**
 * The console's one screen: the start form, its review dialog, the result
 * panel and the history. Specs find everything by role, label and text.
 */
export class ConsolePage {
  readonly form: Locator;
  readonly endUser: Locator;
  readonly workflow: Locator;
  readonly parameters: Locator;
  readonly reviewButton: Locator;
  readonly reviewDialog: Locator;
  readonly startButton: Locator;
  /** Confirms a start of an end user and workflow that ran recently. */
  readonly startAgainCheckbox: Locator;
  /**
   * The alert under the form with the result of the last start. A failed
   * status read or check nests an alert of its own inside it.
   */
  readonly resultPanel: Locator;
  readonly history: Locator;
  readonly historyTable: Locator;
  readonly runDetails: Locator;
  /** The form's own "Copy link". Each history row has one with a longer name. */
  readonly copyLinkButton: Locator;
  readonly presetPicker: Locator;
  readonly historyFilters: Locator;
  readonly exportCsvLink: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole("form", { name: "Start a workflow" });
    this.endUser = page.getByRole("combobox", { name: "End user" });
    this.workflow = page.getByRole("combobox", { name: "Workflow" });
    this.parameters = page.getByRole("textbox", {
      name: "Workflow parameters (JSON)",
    });
    // Exact, because "Review and start anyway" also contains the word.
    this.reviewButton = page.getByRole("button", {
      name: "Review",
      exact: true,
    });
    this.reviewDialog = page.getByRole("dialog", { name: "Review and start" });
    this.startButton = this.reviewDialog.getByRole("button", {
      name: "Start workflow",
    });
    this.startAgainCheckbox = this.reviewDialog.getByRole("checkbox", {
      name: "Start it again anyway",
    });
    // Document order puts the outer alert before any alert nested in it.
    this.resultPanel = this.form.getByRole("alert").first();
    this.history = page.getByRole("region", { name: "History" });
    this.historyTable = this.history.getByRole("table");
    this.runDetails = page.getByRole("dialog", { name: "Run details" });
    this.copyLinkButton = this.form.getByRole("button", {
      name: "Copy link",
      exact: true,
    });
    this.presetPicker = this.form.getByRole("combobox", { name: "Preset" });
    this.historyFilters = page.getByRole("form", { name: "History filters" });
    this.exportCsvLink = this.historyFilters.getByRole("link", {
      name: "Export CSV",
    });
  }

  async goto(): Promise<void> {
    await this.page.goto("/");
    await expect(
      this.page.getByRole("heading", { name: "Heron Workflow Console" }),
    ).toBeVisible();
  }

  /** Types part of a name or id and picks the matching option. */
  async chooseEndUser(search: string, option: string | RegExp): Promise<void> {
    await this.endUser.fill(search);
    const match = this.page
      .getByRole("listbox", { name: "End user" })
      .getByRole("option", { name: option });
    // Options of an earlier search stay listed but disabled until this
    // search returns. Clicking while the list shrinks can miss the option.
    await expect(match).toBeEnabled();
    await match.click();
    await expect(this.endUser).toHaveAttribute("aria-expanded", "false");
  }

  /** Pastes text into the end user picker through the real clipboard. */
  async pasteIntoEndUser(text: string): Promise<void> {
    await this.page
      .context()
      .grantPermissions(["clipboard-read", "clipboard-write"]);
    await this.page.evaluate(
      (value) => navigator.clipboard.writeText(value),
      text,
    );
    await this.endUser.click();
    await this.endUser.press("ControlOrMeta+A");
    await this.endUser.press("ControlOrMeta+V");
  }

  async chooseWorkflow(option: string | RegExp): Promise<void> {
    await expect(this.workflow).toBeEnabled();
    await this.workflow.click();
    await this.page.getByRole("option", { name: option }).click();
  }

  /**
   * Replaces the editor's text. fill() inserts the text in one input, so
   * CodeMirror's bracket closing, which reacts to single typed characters,
   * adds nothing.
   */
  async writeParameters(text: string): Promise<void> {
    await this.parameters.fill(text);
    await expect(this.parameters).toHaveText(text.replaceAll("\n", ""));
  }

  /** Fills the whole form as StartInput describes. */
  async fillForm(input: StartInput): Promise<void> {
    await this.chooseEndUser(input.endUserSearch, input.endUserOption);
    await this.chooseWorkflow(input.workflow);
    await this.writeParameters(input.parameters ?? "{}");
  }

  async openReview(): Promise<void> {
    await this.reviewButton.click();
    await expect(this.reviewDialog).toBeVisible();
  }

  /**
   * Confirms the start in the review dialog and waits for it to close. The
   * dialog stays open until the console responds, which can take the whole
   * Heron timeout.
   */
  async confirmStart(): Promise<void> {
    await this.startButton.click();
    await expect(this.reviewDialog).toBeHidden({
      timeout: E2E_HERON_TIMEOUT_MS + 5_000,
    });
  }

  /** Fills the form, reviews and starts. */
  async start(input: StartInput): Promise<void> {
    await this.fillForm(input);
    await this.openReview();
    await this.confirmStart();
  }

  /**
   * Finds the panel under the form that shows what came of the last start,
   * by its title. The toast that also announces a start is left out.
   */
  result(title: string | RegExp): Locator {
    return this.form.getByRole("alert", { name: title });
  }

  /** Finds every data row of the history's current page, headers left out. */
  allHistoryRows(): Locator {
    return this.historyTable
      .getByRole("row")
      .filter({ has: this.page.getByRole("cell") });
  }

  /** Finds the history rows that contain text, such as an end user's name. */
  historyRows(text: string | RegExp): Locator {
    return this.historyTable
      .getByRole("row")
      .filter({ has: this.page.getByRole("cell", { name: text }) });
  }

  /** Opens the details of the only history row that contains text. */
  async openRunDetails(text: string | RegExp): Promise<void> {
    await this.historyRows(text)
      .getByRole("button", { name: /^Details: / })
      .click();
    await expect(this.runDetails).toBeVisible();
  }

  /** Finds a row's "Details", "Start like this" or "Copy link" button. */
  rowAction(
    row: Locator,
    action: "Details" | "Start like this" | "Copy link",
  ): Locator {
    const prefix = {
      Details: "Details: the ",
      "Start like this": "Start like this: the ",
      "Copy link": "Copy link: start like the ",
    }[action];
    return row.getByRole("button", { name: new RegExp(`^${prefix}`) });
  }

  /** Saves the editor's parameters as a preset of the chosen workflow. */
  async savePreset(name: string): Promise<void> {
    await this.form.getByRole("button", { name: "Save as preset" }).click();
    await this.form.getByRole("textbox", { name: "Preset name" }).fill(name);
    await this.form.getByRole("button", { name: "Save preset" }).click();
    await expect(
      this.page.getByRole("alert").filter({ hasText: "Preset saved" }),
    ).toBeVisible();
  }

  /** Fills the parameters from a preset of the chosen workflow. */
  async choosePreset(name: string): Promise<void> {
    await expect(this.presetPicker).toBeEnabled();
    await this.presetPicker.click();
    await this.page.getByRole("option", { name, exact: true }).click();
  }

  /** Fills the history's filter form and applies it. */
  async applyHistoryFilters(input: HistoryFilterInput): Promise<void> {
    const filters = this.historyFilters;
    if (input.search !== undefined) {
      await filters.getByRole("textbox", { name: "Search" }).fill(input.search);
    }
    if (input.workflowName !== undefined) {
      await filters
        .getByRole("textbox", { name: "Workflow name" })
        .fill(input.workflowName);
    }
    if (input.endUserHeronId !== undefined) {
      await filters
        .getByRole("textbox", { name: "End user heron id" })
        .fill(input.endUserHeronId);
    }
    const outcomePicker = filters.getByRole("combobox", { name: "Outcome" });
    for (const outcome of input.outcomes ?? []) {
      // The picker's pill box covers its input, so the keyboard opens it.
      await outcomePicker.focus();
      await outcomePicker.press("ArrowDown");
      await this.page
        .getByRole("option", { name: outcome, exact: true })
        .click();
    }
    await filters.getByRole("button", { name: "Apply filters" }).click();
  }

  /** Chooses the header's color scheme and waits for the page to use it. */
  async chooseColorScheme(scheme: ColorScheme): Promise<void> {
    const control = this.page.getByRole("radiogroup", { name: "Color scheme" });
    await control.getByText(scheme, { exact: true }).click();
    await expect(control.getByRole("radio", { name: scheme })).toBeChecked();
    if (scheme === "System") return;
    await expect(this.page.locator("html")).toHaveAttribute(
      "data-mantine-color-scheme",
      scheme.toLowerCase(),
    );
  }

  /** Finds the cell of a history row that shows an outcome, such as "Started". */
  outcomeOf(row: Locator, outcome: string): Locator {
    return row.getByRole("cell", { name: outcome, exact: true });
  }
}
