import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { E2eAccount } from "./accounts";
import { E2E_SANDBOX_URL, SENTINEL_API_KEY } from "./environment";
import { startProcess, stopProcess, waitForUrl } from "./processes";
import { addStaffAccount } from "./staff-accounts";

export interface OwnConsoleOptions {
  port: number;
  logFile: string;
  /** The account created before the console first opens its database. */
  account: E2eAccount;
  /** Settings added to the suite's own, such as a lower start limit. */
  env: Record<string, string>;
}

/**
 * Runs `use` with the URL of a console of its own: a fresh database with
 * one account, the suite's sandbox, and the given settings. Stops the
 * console and removes its database afterwards.
 */
export async function withOwnConsole(
  options: OwnConsoleOptions,
  use: (url: string) => Promise<void>,
): Promise<void> {
  const url = `http://127.0.0.1:${options.port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "console-e2e-own-"));
  const databasePath = path.join(dataDir, "console.sqlite");
  await addStaffAccount(databasePath, options.account);

  const child = startProcess(
    "server/main.ts",
    {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(options.port),
      HERON_API_KEY: SENTINEL_API_KEY,
      HERON_BASE_URL: E2E_SANDBOX_URL,
      DATABASE_PATH: databasePath,
      ...options.env,
    },
    options.logFile,
  );
  try {
    await waitForUrl(`${url}/api/health`, child, options.logFile);
    await use(url);
  } finally {
    await stopProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
