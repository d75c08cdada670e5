import { request as requestFactory } from "@playwright/test";
import { storageStatePath } from "./accounts";
import { ConsolePage } from "./console-page";
import { E2E_CONSOLE_URL } from "./environment";
import { csrfHeaders, expect, lookUpEndUser, postRun, test } from "./fixtures";
import { saveStateScreenshot } from "./state-screenshots";

test.use({ storageState: storageStatePath("viewer") });

const EXPLANATION =
  "You can view runs. Starting workflows needs the operator role; ask an admin.";
const NAME = "شركة النخيل للتجارة";

test("viewer sees history but no start form", async ({ page }) => {
  await test.step("an operator starts a run", async () => {
    const operator = await requestFactory.newContext({
      baseURL: E2E_CONSOLE_URL,
      storageState: storageStatePath("operator"),
    });
    try {
      const user = await lookUpEndUser(operator, NAME);
      const response = await postRun(operator, {
        end_user_heron_id: user.heron_id,
        workflow_name: "Standard processing",
        workflow_parameters: {},
      });
      expect(response.status()).toBe(201);
    } finally {
      await operator.dispose();
    }
  });

  const app = new ConsolePage(page);
  await app.goto();

  await test.step("the start form is replaced by the reason", async () => {
    await expect(page.getByText(EXPLANATION)).toBeVisible();
    await expect(app.form).toHaveCount(0);
    await expect(app.reviewButton).toHaveCount(0);
    await expect(
      page.getByRole("button", { name: "Save as preset" }),
    ).toHaveCount(0);
  });

  await test.step("the history shows runs without start actions", async () => {
    const row = app.historyRows(NAME).first();
    await expect(row).toBeVisible();
    await expect(app.rowAction(row, "Details")).toBeVisible();
    await expect(app.rowAction(row, "Start like this")).toHaveCount(0);
    await saveStateScreenshot(page, "viewer-view");
  });

  await test.step("the server rejects the viewer's start", async () => {
    const user = await lookUpEndUser(page.request, NAME);
    const response = await postRun(page.request, {
      end_user_heron_id: user.heron_id,
      workflow_name: "Standard processing",
      workflow_parameters: {},
    });
    expect(response.status()).toBe(403);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe("forbidden");
  });

  await test.step("nor may a viewer save a preset", async () => {
    const response = await page.request.post("/api/presets", {
      data: {
        workflow_name: "notify_slack",
        name: "Viewer preset",
        workflow_parameters: {},
      },
      headers: await csrfHeaders(page.request),
    });
    expect(response.status()).toBe(403);
  });
});

test("viewer's share link is explained", async ({ page }) => {
  const app = new ConsolePage(page);
  await page.goto("/?start=e30");

  const notice = page.getByRole("alert").filter({
    hasText: "This link was not used",
  });
  await expect(notice).toContainText("you are a viewer");
  await expect(app.form).toHaveCount(0);
  await expect(page).not.toHaveURL(/start=/);
});
