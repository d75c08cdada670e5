import { expect, test } from "./fixtures";

// While the next search runs, the options of the previous text stay on
// screen. Picking one of them would choose a customer other than the one typed.
test("options of an earlier search cannot be picked", async ({
  consolePage: app,
  page,
  sandbox,
}) => {
  await test.step("list end users for a first text", async () => {
    await app.endUser.fill("Evergreen");
    await expect(
      page.getByRole("option", { name: /Evergreen Consulting/ }),
    ).toBeVisible();
  });

  // Names come from the console's directory at once, but an id it does not
  // have is looked up at Heron, which is slow here.
  await test.step("type an unknown id while Heron is slow", async () => {
    await sandbox.setFault({ operation: "get_end_user", latencyMs: 3000 });
    await app.endUser.fill("zephyr-99");
    await expect(page.getByText("Searching end users…").first()).toBeVisible();
    await app.endUser.press("ArrowDown");
    await app.endUser.press("Enter");
  });

  await expect(app.endUser).toHaveValue("zephyr-99");
  await expect(page.getByText(/^Selected: end_user_id/)).toHaveCount(0);
});

test("failed lookup of a pasted id says so", async ({
  consolePage: app,
  page,
  sandbox,
}) => {
  const unknownId = "eus_0000000000000000000000";
  await sandbox.setFault({
    operation: "get_end_user",
    respond: { status: 503, format: "envelope" },
  });

  await app.endUser.fill(unknownId);

  await expect(
    page
      .getByRole("listbox")
      .getByText(
        `Heron could not be asked about ${unknownId} (HTTP 503). Try again in a moment.`,
      ),
  ).toBeVisible();
  await expect(page.getByText(/No end user has heron id/)).toHaveCount(0);
});

test("search text over the limit shows the server's message", async ({
  consolePage: app,
}) => {
  const longText = "x".repeat(150);

  await app.endUser.fill(longText);

  // The field keeps all 150 characters rather than cutting them silently.
  await expect(app.endUser).toHaveValue(longText);
  await expect(app.endUser).toHaveAccessibleDescription(
    /Search text can be at most 140 characters long, and this one has 150\./,
  );
});
