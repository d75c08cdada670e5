import { ConsolePage } from "./console-page";
import { expect, lookUpEndUser, postRun, test } from "./fixtures";

test("history sorts by a column header", async ({ page }) => {
  const name = "Copperfield Plumbing S.A.";
  const user = await lookUpEndUser(page.request, name);

  await test.step("record runs of two workflows", async () => {
    for (const workflow of ["Standard processing", "Archive end user"]) {
      const response = await postRun(page.request, {
        end_user_heron_id: user.heron_id,
        workflow_name: workflow,
        workflow_parameters: {},
      });
      expect(response.status()).toBe(201);
    }
  });

  const app = new ConsolePage(page);
  await app.goto();
  await app.applyHistoryFilters({ search: "Copperfield" });
  const rows = app.historyRows(name);
  await expect(rows).toHaveCount(2);
  const workflowHeader = page.getByRole("columnheader", { name: /Workflow/ });

  await test.step("sort by workflow, A to Z", async () => {
    await workflowHeader.getByRole("button").click();
    await expect(page).toHaveURL(/sort=workflow_name&order=asc/);
    await expect(workflowHeader).toHaveAttribute("aria-sort", "ascending");
    await expect(rows.first()).toContainText("Archive end user");
  });

  await test.step("a second click reverses, and a reload keeps it", async () => {
    await workflowHeader.getByRole("button").click();
    await expect(page).toHaveURL(/sort=workflow_name&order=desc/);
    await page.reload();
    await expect(workflowHeader).toHaveAttribute("aria-sort", "descending");
    await expect(rows.first()).toContainText("Standard processing");
  });
});
