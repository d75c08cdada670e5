import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  E2E_CONSOLE_PORT,
  E2E_CONSOLE_URL,
  E2E_HERON_TIMEOUT_MS,
  E2E_SANDBOX_LOG,
  E2E_SANDBOX_PORT,
  E2E_SANDBOX_URL,
  E2E_SERVER_LOG,
  SENTINEL_API_KEY,
} from "./environment";

// Starts the Heron sandbox and the console as real processes, the console
// pointed at the sandbox with a sentinel key, and a fresh SQLite file.
// Their output goes to files under test-results/ so specs can read the logs.

function startProcess(
  script: string,
  env: Record<string, string>,
  logFile: string,
): ChildProcess {
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

async function waitForUrl(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`${url}: the process exited with ${child.exitCode}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within 30 s`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  mkdirSync("test-results", { recursive: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), "console-e2e-"));

  const sandbox = startProcess(
    "server/sandbox/main.ts",
    {
      SANDBOX_PORT: String(E2E_SANDBOX_PORT),
      SANDBOX_API_KEY: SENTINEL_API_KEY,
      SANDBOX_RATE_LIMIT: "1000/60",
    },
    E2E_SANDBOX_LOG,
  );
  await waitForUrl(`${E2E_SANDBOX_URL}/api/hello_world`, sandbox);

  const server = startProcess(
    "server/main.ts",
    {
      PORT: String(E2E_CONSOLE_PORT),
      HOST: "127.0.0.1",
      HERON_API_KEY: SENTINEL_API_KEY,
      HERON_BASE_URL: E2E_SANDBOX_URL,
      HERON_TIMEOUT_MS: String(E2E_HERON_TIMEOUT_MS),
      DATABASE_PATH: path.join(dataDir, "console.sqlite"),
      LOG_LEVEL: "info",
    },
    E2E_SERVER_LOG,
  );
  await waitForUrl(`${E2E_CONSOLE_URL}/api/health`, server);

  return async () => {
    server.kill("SIGTERM");
    sandbox.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  };
}
