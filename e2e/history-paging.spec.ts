import type { APIRequestContext, Page } from "@playwright/test";
import type { RunHistoryPage } from "../server/contract/history";
import { ConsolePage } from "./console-page";
import { expect, postRun, test } from "./fixtures";
import { pickEndUser } from "./pick-end-user";
import { saveStateScreenshot } from "./state-screenshots";

// The page shows 20 runs at a time, so 23 runs fill one page and part of a
// second.
const PAGE_SIZE = 20;
const RUN_COUNT = 23;
const WORKFLOW = "Standard processing";

test("history pages through a filtered list", async ({ page }) => {
  const heronId = (await pickEndUser(page.request, "Thistle")).heron_id;

  await test.step("record runs of one end user and one of another", async () => {
    for (let i = 0; i < RUN_COUNT; i += 1) {
      await recordRun(page.request, heronId);
    }
    const other = await pickEndUser(page.request, "Kestrel");
    await recordRun(page.request, other.heron_id);
  });

  const app = new ConsolePage(page);
  await app.goto();
  const rows = app.allHistoryRows();
  const pages = page.getByRole("navigation", { name: "History pages" });
  const next = pages.getByRole("button", { name: "Next page" });
  const previous = pages.getByRole("button", { name: "Previous page" });
  const first = pages.getByRole("button", { name: "First page" });

  const firstPageIds = await test.step("filter by the end user", async () => {
    const response = waitForRunPage(page, { cursor: false });
    await app.applyHistoryFilters({ endUserHeronId: heronId });
    const ids = runIds(await response);
    await expect(rows).toHaveCount(PAGE_SIZE);
    await expect(page.getByText(`Page 1, ${PAGE_SIZE} runs`)).toBeVisible();
    await expect(previous).toBeDisabled();
    await expect(first).toBeDisabled();
    return ids;
  });

  const secondPageIds =
    await test.step("the next page keeps the filter", async () => {
      const response = waitForRunPage(page, { cursor: true });
      await next.click();
      const ids = runIds(await response);
      await expect(rows).toHaveCount(RUN_COUNT - PAGE_SIZE);
      await expect(page.getByText("Page 2, 3 runs")).toBeVisible();
      await expect(next).toBeDisabled();
      await expect(page).toHaveURL(
        (url) =>
          url.searchParams.get("end_user_heron_id") === heronId &&
          url.searchParams.has("cursor"),
      );
      expect(ids.filter((id) => firstPageIds.includes(id))).toEqual([]);
      await saveStateScreenshot(app.history, "history-second-page");
      return ids;
    });

  await test.step("a new run does not shift the page shown", async () => {
    await recordRun(page.request, heronId);
    const response = waitForRunPage(page, { cursor: true });
    await app.history.getByRole("button", { name: "Refresh" }).click();
    expect(runIds(await response)).toEqual(secondPageIds);
    await expect(rows).toHaveCount(RUN_COUNT - PAGE_SIZE);
  });

  await test.step("a reload stays on the page with its filter", async () => {
    const response = waitForRunPage(page, { cursor: true });
    await page.reload();
    expect(runIds(await response)).toEqual(secondPageIds);
    await expect(
      app.historyFilters.getByRole("textbox", { name: "End user heron id" }),
    ).toHaveValue(heronId);
    await expect(page.getByText("A later page, 3 runs")).toBeVisible();
    await expect(previous).toBeDisabled();
  });

  await test.step("the first page shows the new run", async () => {
    const response = waitForRunPage(page, { cursor: false });
    await first.click();
    const ids = runIds(await response);
    await expect(rows).toHaveCount(PAGE_SIZE);
    await expect(page).toHaveURL((url) => !url.searchParams.has("cursor"));
    expect(ids.slice(1)).toEqual(firstPageIds.slice(0, PAGE_SIZE - 1));
  });

  await test.step("the next page then starts one run later", async () => {
    const response = waitForRunPage(page, { cursor: true });
    await next.click();
    const ids = runIds(await response);
    expect(ids).toEqual([firstPageIds.at(-1), ...secondPageIds]);
    await expect(rows).toHaveCount(RUN_COUNT + 1 - PAGE_SIZE);
  });

  await test.step("previous goes back to the first page", async () => {
    await previous.click();
    await expect(page.getByText(`Page 1, ${PAGE_SIZE} runs`)).toBeVisible();
    await expect(page).toHaveURL((url) => !url.searchParams.has("cursor"));
  });
});

test("history numbers no page after a reload", async ({ page }) => {
  // Two full pages and one run more, so a reload on page 2 still has a
  // next page.
  const runCount = PAGE_SIZE * 2 + 1;
  const heronId = (await pickEndUser(page.request, "Lighthouse")).heron_id;
  for (let i = 0; i < runCount; i += 1) {
    await recordRun(page.request, heronId);
  }

  const app = new ConsolePage(page);
  await app.goto();
  const pages = page.getByRole("navigation", { name: "History pages" });
  const next = pages.getByRole("button", { name: "Next page" });
  const previous = pages.getByRole("button", { name: "Previous page" });
  const first = pages.getByRole("button", { name: "First page" });

  await test.step("reload on page 2", async () => {
    await app.applyHistoryFilters({ endUserHeronId: heronId });
    await expect(page.getByText(`Page 1, ${PAGE_SIZE} runs`)).toBeVisible();
    await next.click();
    await expect(page.getByText(`Page 2, ${PAGE_SIZE} runs`)).toBeVisible();
    const response = waitForRunPage(page, { cursor: true });
    await page.reload();
    await response;
    await expect(
      page.getByText(`A later page, ${PAGE_SIZE} runs`),
    ).toBeVisible();
  });

  await test.step("the next page has no number either", async () => {
    const response = waitForRunPage(page, { cursor: true });
    await next.click();
    await response;
    await expect(page.getByText("A later page, 1 run")).toBeVisible();
    await expect(page.getByText(/^Page \d/)).toHaveCount(0);
    await expect(next).toBeDisabled();
  });

  await test.step("previous returns to the reloaded page", async () => {
    await previous.click();
    await expect(
      page.getByText(`A later page, ${PAGE_SIZE} runs`),
    ).toBeVisible();
    await expect(previous).toBeDisabled();
  });

  await test.step("first page restores the numbers", async () => {
    await first.click();
    await expect(page.getByText(`Page 1, ${PAGE_SIZE} runs`)).toBeVisible();
    await next.click();
    await expect(page.getByText(`Page 2, ${PAGE_SIZE} runs`)).toBeVisible();
    await next.click();
    await expect(page.getByText("Page 3, 1 run")).toBeVisible();
  });
});

async function recordRun(
  request: APIRequestContext,
  heronId: string,
): Promise<void> {
  const response = await postRun(request, {
    end_user_heron_id: heronId,
    workflow_name: WORKFLOW,
    workflow_parameters: {},
    allow_duplicate: true,
  });
  expect(response.status(), "recording a run").toBe(201);
}

/** Waits for the page's next keyset request of the history. */
async function waitForRunPage(
  page: Page,
  { cursor }: { cursor: boolean },
): Promise<RunHistoryPage> {
  const response = await page.waitForResponse((candidate) => {
    const url = new URL(candidate.url());
    return (
      url.pathname === "/api/runs" &&
      candidate.request().method() === "GET" &&
      url.searchParams.has("end_user_heron_id") &&
      url.searchParams.has("cursor") === cursor
    );
  });
  expect(response.status(), "reading a history page").toBe(200);
  return (await response.json()) as RunHistoryPage;
}

function runIds(runPage: RunHistoryPage): string[] {
  return runPage.runs.map((run) => run.id);
}
