import type { Page } from "@playwright/test";
import { csrfHeaders, expect, lookUpEndUser, test } from "./fixtures";

/** Counts the start requests the page sends to the console server. */
function countStartRequests(page: Page): () => number {
  let count = 0;
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (request.method() === "POST" && path === "/api/runs") count += 1;
  });
  return () => count;
}

test("invalid JSON blocks the review", async ({
  consolePage: app,
  page,
  sandbox,
}) => {
  const startRequests = countStartRequests(page);
  const message = "Line 3, column 3: Expected ',' or '}'";

  await test.step("fill the form with a missing comma", async () => {
    await app.chooseEndUser("Jo & Ann", /Jo & Ann's Diner/);
    await app.chooseWorkflow(/Process end user/);
    await app.writeParameters('{\n  "amount": 12\n  "note": "late fee"\n}');
  });

  await test.step("the message gives line and column", async () => {
    await expect(app.form.getByText(message)).toBeVisible();
    await expect(app.parameters).toHaveAccessibleDescription(
      new RegExp(escapeRegExp(message)),
    );
    await expect(app.parameters).toHaveAttribute("aria-invalid", "true");
  });

  await test.step("Review does not open the confirmation", async () => {
    await app.reviewButton.click();
    await expect(app.form.getByText(message)).toBeVisible();
    await expect(app.reviewDialog).toBeHidden();
  });

  await test.step("the corrected JSON can be reviewed", async () => {
    await app.writeParameters('{\n  "amount": 12,\n  "note": "late fee"\n}');
    await expect(app.form.getByText(message)).toBeHidden();
    await app.openReview();
    await app.reviewDialog.getByRole("button", { name: "Cancel" }).click();
    await expect(app.reviewDialog).toBeHidden();
  });

  expect(startRequests()).toBe(0);
  expect(await sandbox.requests("start_by_name")).toHaveLength(0);
});

const NOT_AN_OBJECT = [
  { kind: "an array", text: "[1, 2]", value: [1, 2] },
  { kind: "a string", text: '"last_30_days"', value: "last_30_days" },
];

test("parameters must be a JSON object", async ({
  consolePage: app,
  page,
  sandbox,
}) => {
  const user = await lookUpEndUser(page.request, "Fish & Chips & Co.");
  await app.chooseEndUser("Fish & Chips", /Fish & Chips & Co\./);
  await app.chooseWorkflow(/Process end user/);

  for (const { kind, text, value } of NOT_AN_OBJECT) {
    await test.step(`the page rejects ${kind}`, async () => {
      await app.writeParameters(text);
      const message = app.form.getByText(
        `Parameters must be a JSON object, such as {} or {"key": "value"}, not ${kind}`,
      );
      await expect(message).toBeVisible();
      await app.reviewButton.click();
      await expect(message).toBeVisible();
      await expect(app.reviewDialog).toBeHidden();
    });

    await test.step(`the server rejects ${kind} with 400`, async () => {
      const response = await page.request.post("/api/runs", {
        data: {
          end_user_heron_id: user.heron_id,
          workflow_name: "Standard processing",
          workflow_parameters: value,
        },
        headers: await csrfHeaders(page.request),
      });
      expect(response.status()).toBe(400);
      const body = (await response.json()) as {
        error: { code: string; fields?: Record<string, string[]> };
      };
      expect(body.error.code).toBe("validation_failed");
      expect(Object.keys(body.error.fields ?? {})).toContain(
        "workflow_parameters",
      );
    });
  }

  expect(await sandbox.requests("start_by_name")).toHaveLength(0);
});

test("shows Heron's field errors under the parameters", async ({
  consolePage: app,
}) => {
  await app.start({
    endUserSearch: "Ørsted",
    endUserOption: /Ørsted Fiskeri ApS/,
    workflow: /Send report/,
    parameters: '{"email": 3}',
  });

  await expect(app.result("Heron rejected the request")).toBeVisible();
  await expect(app.parameters).toHaveAccessibleDescription(
    /email: Not a valid email address\./,
  );
  await expect(
    app.form.getByText("email: Not a valid email address."),
  ).toBeVisible();

  const row = app.historyRows("Ørsted Fiskeri ApS");
  await expect(app.outcomeOf(row, "Rejected")).toBeVisible();
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
