import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { ConsolePage } from "./console-page";
import { E2E_SERVER_LOG, SENTINEL_API_KEY } from "./environment";
import { expect, recordResponses, test } from "./fixtures";

const run = promisify(execFile);

// The whole key, and its first 8 hexadecimal characters, which Heron's
// dashboard shows. The sentinel repeats those 8 characters, so any piece of
// 15 or more characters of it contains them.
const KEY_TRACES = [SENTINEL_API_KEY, SENTINEL_API_KEY.slice(4, 12)];

function findKeyTraces(text: string | Buffer): string[] {
  return KEY_TRACES.filter((trace) => text.includes(trace));
}

test("HTML in a name shows as text", async ({
  consolePage: app,
  dialogs,
  page,
}) => {
  const name = "<img src=x onerror=alert(1)>";

  await test.step("in the picker", async () => {
    await app.endUser.fill("onerror");
    const option = page
      .getByRole("listbox", { name: "End user" })
      .getByRole("option", { name: /onerror/ });
    await expect(option.getByText(name, { exact: true })).toBeVisible();
    await option.click();
    await expect(app.endUser).toHaveValue(name);
  });

  await test.step("in the confirmation", async () => {
    await app.chooseWorkflow(/Process end user/);
    await app.openReview();
    await expect(
      app.reviewDialog.getByText(name, { exact: true }),
    ).toBeVisible();
  });

  await test.step("in the history", async () => {
    await app.confirmStart();
    await expect(app.result("Workflow started")).toBeVisible();
    const row = app.historyRows(name);
    await expect(row.getByText(name, { exact: true })).toBeVisible();
    await app.openRunDetails(name);
    await expect(app.runDetails).toContainText(name);
  });

  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test("Heron 500 leaks no API key", async ({ page, sandbox }) => {
  const responses = recordResponses(page);
  const app = new ConsolePage(page);
  await app.goto();
  await sandbox.setFault({
    operation: "start_by_name",
    respond: { status: 500, format: "envelope" },
  });

  let requestId = "";
  await test.step("start against a failing Heron", async () => {
    await app.fillForm({
      endUserSearch: "Москва",
      endUserOption: /Москва Трейд ООО/,
      workflow: /Process end user/,
    });
    await app.openReview();
    const startResponse = page.waitForResponse(
      (response) =>
        response.request().method() === "POST" &&
        new URL(response.url()).pathname === "/api/runs",
    );
    await app.confirmStart();
    requestId = (await startResponse).headers()["x-request-id"] ?? "";
    expect(requestId).not.toBe("");
    await expect(app.resultPanel).toContainText("HTTP 500");
    await app.openRunDetails("Москва Трейд ООО");
    await expect(app.runDetails.getByText("Failed").first()).toBeVisible();
  });

  await test.step("no response the browser received has the key", async () => {
    const received = await responses();
    expect(received.length).toBeGreaterThan(0);
    const leaks = received.filter((text) => findKeyTraces(text).length > 0);
    expect(leaks).toEqual([]);
  });

  await test.step("the server log does not have the key", async () => {
    const readLog = () => readFileSync(E2E_SERVER_LOG, "utf8");
    // The log reaches its file through a pipe, so wait for this start's line.
    await expect.poll(() => readLog().includes(requestId)).toBe(true);
    expect(findKeyTraces(readLog())).toEqual([]);
  });
});

test("built page has no API key", async () => {
  test.setTimeout(120_000);
  const outDir = mkdtempSync(path.join(tmpdir(), "console-e2e-dist-"));

  try {
    await run("npx", ["vite", "build", "--outDir", outDir, "--emptyOutDir"], {
      env: {
        ...process.env,
        HERON_API_KEY: SENTINEL_API_KEY,
        // Vite puts VITE_ variables in the bundle when the code reads them,
        // so this catches a page that reads the key under that name.
        VITE_HERON_API_KEY: SENTINEL_API_KEY,
      },
    });

    const files = readdirSync(outDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name));
    expect(files.map((file) => path.relative(outDir, file))).toContain(
      "index.html",
    );

    const leaks = files.filter(
      (file) => findKeyTraces(readFileSync(file)).length > 0,
    );
    expect(leaks).toEqual([]);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});
