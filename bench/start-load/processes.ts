import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const START_TIMEOUT_MS = 30_000;

export interface ServerProcess {
  url: string;
  pid: number;
  /** The last 8 KiB of the process's output. */
  output(): string;
  /** Sends SIGTERM and waits for the exit; returns the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Runs a TypeScript entry point of this project as its own Node process and
 * resolves once its output matches `listening`, whose first group is the URL.
 * Standard output is drained and kept only for error messages.
 */
export async function startServerProcess(
  entry: string,
  env: Record<string, string>,
  listening: RegExp,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let recent = "";
  const keep = (chunk: Buffer) => {
    recent = (recent + chunk.toString()).slice(-8192);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => resolve(code)),
  );

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`${entry} did not start in time. Output:\n${recent}`));
    }, START_TIMEOUT_MS);
    const check = () => {
      const match = recent.match(listening);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off("data", check);
      resolve(match[1].replace(/\/$/, ""));
    };
    child.stdout?.on("data", check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}. Output:\n${recent}`));
    });
  });

  return {
    url,
    pid: child.pid ?? 0,
    output: () => recent,
    stop: () => stopProcess(child, exited),
  };
}

async function stopProcess(
  child: ChildProcess,
  exited: Promise<number | null>,
): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  child.kill("SIGTERM");
  return exited;
}

/** Resident set size of process `pid` in MiB, from /proc (Linux only). */
export function readRssMiB(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    return kib ? Number(kib) / 1024 : null;
  } catch {
    return null;
  }
}
