import type { BrowserContext, Page } from "@playwright/test";
import { ConsolePage } from "./console-page";
import { expect, postRun, test } from "./fixtures";
import { pickEndUser } from "./pick-end-user";

const WORKFLOW = "Refresh credit bureau";
const WORKFLOW_LABEL = "Refresh bureau data";
const PARAMETERS = { bureau: "Équifax", months: 12, flags: ["a,b", 'c"d'] };

test("row and drawer Copy link fill the form only", async ({
  consolePage: app,
  context,
  page,
  sandbox,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const user = await pickEndUser(page.request, "Juniper");

  await test.step("record a run", async () => {
    const response = await postRun(page.request, {
      end_user_heron_id: user.heron_id,
      workflow_name: WORKFLOW,
      workflow_parameters: PARAMETERS,
      allow_duplicate: true,
    });
    expect(response.status()).toBe(201);
  });

  await app.applyHistoryFilters({ endUserHeronId: user.heron_id });
  const row = app.historyRows(user.name ?? user.heron_id);
  await expect(row).toHaveCount(1);

  const rowLink = await test.step("copy the row's link", async () => {
    await app.rowAction(row, "Copy link").click();
    return await readCopiedLink(page);
  });

  await test.step("the row's link fills the form", async () => {
    await expectLinkFillsForm(context, rowLink, user.name ?? "");
  });

  await test.step("the drawer copies the same link", async () => {
    await app.rowAction(row, "Details").click();
    await expect(app.runDetails).toBeVisible();
    await app.runDetails
      .getByRole("button", { name: "Copy link", exact: true })
      .click();
    expect(await readCopiedLink(page)).toBe(rowLink);
  });

  await test.step("nothing else was started", async () => {
    expect(await sandbox.requests("start_by_name")).toHaveLength(1);
  });
});

/** Waits for the "Link copied" toast, closes it and returns the link. */
async function readCopiedLink(page: Page): Promise<string> {
  const toast = page.getByRole("alert").filter({ hasText: "Link copied" });
  await expect(toast).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await toast.getByRole("button", { name: "Close notification" }).click();
  await expect(toast).toBeHidden();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?start=[\w-]+$/);
  return link;
}

/** Opens `link` in a new tab and checks the form, with no start sent. */
async function expectLinkFillsForm(
  context: BrowserContext,
  link: string,
  endUserName: string,
): Promise<void> {
  const opened = await context.newPage();
  let startRequests = 0;
  opened.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (request.method() === "POST" && path === "/api/runs") startRequests += 1;
  });
  const shared = new ConsolePage(opened);
  await opened.goto(link);

  await expect(shared.endUser).toHaveValue(endUserName);
  await expect(shared.workflow).toHaveValue(WORKFLOW_LABEL);
  // The editor shows each line in its own element, so its text has no line
  // breaks, which JSON does not need.
  await expect
    .poll(async () => parseJson(await shared.parameters.textContent()))
    .toEqual(PARAMETERS);
  await expect(shared.reviewDialog).toBeHidden();
  expect(startRequests).toBe(0);
  await opened.close();
}

function parseJson(text: string | null): unknown {
  try {
    return JSON.parse(text ?? "");
  } catch {
    return text;
  }
}
