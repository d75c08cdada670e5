import { defineConfig } from "@playwright/test";
import { storageStatePath } from "./e2e/accounts";
import { E2E_CONSOLE_URL } from "./e2e/environment";

// Debian's Chromium by default, since Playwright cannot download its own
// browser on these machines; CHROMIUM_PATH points at another build.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  // Vitest's report and the server logs also live in test-results/, which
  // Playwright would empty if it were the output folder.
  outputDir: "test-results/e2e-artifacts",
  // The sandbox's faults are global, so the specs run one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 8_000 },
  reporter: [
    ["list"],
    ["json", { outputFile: "test-results/e2e-report.json" }],
  ],
  use: {
    baseURL: E2E_CONSOLE_URL,
    // Global setup signs each role in once. Specs run as an operator, who
    // may start runs, unless they load another role's state.
    storageState: storageStatePath("operator"),
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium" }],
});
