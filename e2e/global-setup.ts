import type { ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  E2E_CONSOLE_PORT,
  E2E_CONSOLE_URL,
  E2E_DUPLICATE_WINDOW_MINUTES,
  E2E_EXECUTION_STEP_MS,
  E2E_HERON_TIMEOUT_MS,
  E2E_SANDBOX_LOG,
  E2E_SANDBOX_PORT,
  E2E_SANDBOX_RATE_LIMIT,
  E2E_SANDBOX_URL,
  E2E_SERVER_LOG,
  SENTINEL_API_KEY,
} from "./environment";
import { startProcess, stopProcess, waitForUrl } from "./processes";

// Starts the Heron sandbox and the console as real processes, the console
// pointed at the sandbox with a sentinel key, and a fresh SQLite file.
// Their output goes to files under test-results/ so specs can read the logs.

export default async function globalSetup(): Promise<() => Promise<void>> {
  mkdirSync("test-results", { recursive: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), "console-e2e-"));
  const started: ChildProcess[] = [];

  const stopAll = async () => {
    for (const child of started.reverse()) await stopProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const sandbox = startProcess(
      "server/sandbox/main.ts",
      {
        ...process.env,
        SANDBOX_HOST: "127.0.0.1",
        SANDBOX_PORT: String(E2E_SANDBOX_PORT),
        SANDBOX_API_KEY: SENTINEL_API_KEY,
        SANDBOX_RATE_LIMIT: `${E2E_SANDBOX_RATE_LIMIT.limit}/${E2E_SANDBOX_RATE_LIMIT.windowSeconds}`,
        SANDBOX_EXECUTION_STEP_MS: String(E2E_EXECUTION_STEP_MS),
      },
      E2E_SANDBOX_LOG,
    );
    started.push(sandbox);
    await waitForUrl(
      `${E2E_SANDBOX_URL}/api/hello_world`,
      sandbox,
      E2E_SANDBOX_LOG,
    );

    const server = startProcess(
      "server/main.ts",
      {
        ...process.env,
        PORT: String(E2E_CONSOLE_PORT),
        HOST: "127.0.0.1",
        HERON_API_KEY: SENTINEL_API_KEY,
        HERON_BASE_URL: E2E_SANDBOX_URL,
        HERON_TIMEOUT_MS: String(E2E_HERON_TIMEOUT_MS),
        DATABASE_PATH: path.join(dataDir, "console.sqlite"),
        LOG_LEVEL: "info",
        DUPLICATE_WINDOW_MINUTES: String(E2E_DUPLICATE_WINDOW_MINUTES),
        // Off, so an unknown run changes only when a spec presses "Check
        // again", not when a background check happens to run first.
        RECONCILE_DELAYS_MS: "off",
      },
      E2E_SERVER_LOG,
    );
    started.push(server);
    await waitForUrl(`${E2E_CONSOLE_URL}/api/health`, server, E2E_SERVER_LOG);
  } catch (error) {
    // A failed start leaves no process behind to hold the ports.
    await stopAll();
    throw error;
  }
  return stopAll;
}
