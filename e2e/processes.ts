import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";

// Starting and stopping the console and the sandbox as real Node processes,
// shared by the global setup and the specs that need a process of their own.

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

/** Runs a TypeScript entry point through tsx, its output going to logFile. */
export function startProcess(
  script: string,
  env: NodeJS.ProcessEnv,
  logFile: string,
): ChildProcess {
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

/** Polls url until it returns 2xx, failing early when the process exits. */
export async function waitForUrl(
  url: string,
  child: ChildProcess,
  logFile: string,
): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `The process serving ${url} exited with code ${child.exitCode}. ` +
          `Read ${logFile} for the reason.`,
      );
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `${url} did not respond within ${START_TIMEOUT_MS / 1000} s. ` +
      `Read ${logFile} for the reason.`,
  );
}

/**
 * Sends SIGTERM and waits for the exit, so the process's files can be
 * removed afterwards. Sends SIGKILL when it has not exited in time.
 */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;

  const exited = new Promise<void>((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
