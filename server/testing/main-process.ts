import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface MainProcess {
  child: ChildProcess;
  output: () => string;
  errors: () => string;
  exited: Promise<number | null>;
  /** Resolves with the console's base URL once it listens. */
  url: () => Promise<string>;
}

/** Runs server/main.ts as its own process with only `env` as environment. */
export function runMain(env: Record<string, string>): MainProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => resolve(code)),
  );
  const output = () => stdout;

  return {
    child,
    output,
    errors: () => stderr,
    exited,
    url: async () => {
      const [, url] = await waitForText(
        output,
        /Heron Workflow Console: (http:\/\/127\.0\.0\.1:\d+)\//,
      );
      return url ?? "";
    },
  };
}

/**
 * Reads the first admin's email and password from the output of a first
 * start on an empty database.
 */
export async function firstAdminOf(
  main: MainProcess,
): Promise<{ email: string; password: string }> {
  const [, email = ""] = await waitForText(main.output, /Email: +(\S+)/);
  const [, password = ""] = await waitForText(main.output, /Password: +(\S+)/);
  return { email, password };
}

/** Waits until `read()` matches `pattern` and returns the match. */
export async function waitForText(
  read: () => string,
  pattern: RegExp,
  timeoutMs = 15_000,
): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = read().match(pattern);
    if (match) return match;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no match for ${pattern} in:\n${read()}`);
}
