import type { Page } from "@playwright/test";
import type { RunList } from "../server/contract/runs";
import { ConsolePage } from "./console-page";
import { expect, lookUpEndUser, test } from "./fixtures";

const NAME = "MÜLLER LOGISTIK AG";

// The page's limit for a share link's start value, SHARE_LINK_MAX_CHARS in
// web/lib/share-link.ts, copied because e2e code may not import web code.
const SHARE_LINK_MAX_CHARS = 8 * 1024;

/** Counts the start requests a page sends to the console server. */
function countStartRequests(page: Page): () => number {
  let count = 0;
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (request.method() === "POST" && path === "/api/runs") count += 1;
  });
  return () => count;
}

test("share link fills the form only", async ({
  consolePage: app,
  context,
  page,
  sandbox,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const user = await lookUpEndUser(page.request, NAME);
  const parametersText = JSON.stringify(
    { note: 'Grüße, "quoted" & more', attempts: 3, nested: { ok: true } },
    null,
    2,
  );

  let link = "";
  await test.step("copy a link to the filled form", async () => {
    await app.fillForm({
      endUserSearch: "LOGISTIK AG",
      endUserOption: new RegExp(NAME),
      workflow: /Refresh bureau data/,
      parameters: parametersText,
    });
    await app.copyLinkButton.click();
    await expect(
      page.getByRole("alert").filter({ hasText: "Link copied" }),
    ).toBeVisible();
    link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?start=[\w-]+$/);
  });

  await test.step("the link opens the same form", async () => {
    const opened = await context.newPage();
    const startRequests = countStartRequests(opened);
    const shared = new ConsolePage(opened);
    await opened.goto(link);

    await expect(shared.endUser).toHaveValue(NAME);
    await expect(shared.endUser).toHaveAccessibleDescription(
      new RegExp(`heron id ${user.heron_id}$`),
    );
    await expect(shared.workflow).toHaveValue("Refresh bureau data");
    await expect(shared.parameters).toHaveText(
      parametersText.replaceAll("\n", ""),
    );
    // The page drops the link from its address, so a reload cannot fill
    // the form again over later edits.
    await expect(opened).toHaveURL((url) => !url.searchParams.has("start"));
    expect(startRequests()).toBe(0);
  });

  await test.step("nothing was started", async () => {
    expect(await sandbox.requests("start_by_name")).toHaveLength(0);
    const response = await page.request.get("/api/runs", {
      params: { end_user_heron_id: user.heron_id, page: 1, page_size: 20 },
    });
    expect(response.status()).toBe(200);
    expect(((await response.json()) as RunList).total).toBe(0);
  });
});

const BAD_LINKS = [
  { kind: "malformed", query: "%%%", reason: "not valid base64url text" },
  {
    kind: "oversized",
    query: "A".repeat(SHARE_LINK_MAX_CHARS + 1),
    reason: `${SHARE_LINK_MAX_CHARS + 1} characters long`,
  },
];

for (const { kind, query, reason } of BAD_LINKS) {
  test(`${kind} share link is not used`, async ({ page, sandbox }) => {
    const app = new ConsolePage(page);
    await page.goto(`/?start=${query}`);

    const alert = page.getByRole("alert", { name: "This link was not used" });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(reason);
    await expect(app.endUser).toHaveValue("");
    await expect(app.parameters).toHaveText("{}");

    await test.step("the form is still usable", async () => {
      await app.fillForm({
        endUserSearch: "LOGISTIK AG",
        endUserOption: new RegExp(NAME),
        workflow: /Process end user/,
      });
      await app.openReview();
      await app.reviewDialog.getByRole("button", { name: "Cancel" }).click();
      await expect(app.reviewDialog).toBeHidden();
    });

    await alert.getByRole("button", { name: "Dismiss this message" }).click();
    await expect(alert).toBeHidden();
    expect(await sandbox.requests("start_by_name")).toHaveLength(0);
  });
}
