import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";

import Database from "better-sqlite3";

import { heronStartBody, sendStarts } from "./load.js";
import { readOptions } from "./options.js";
import {
  readRssMiB,
  startServerProcess,
  type ServerProcess,
} from "./processes.js";
import { countsAgree, formatReport, type BenchReport } from "./report.js";
import { readFirstAdmin, signIn } from "./sign-in.js";

// Sends starts at a fixed rate per second through the console and, in the
// same run, straight to the Heron sandbox, then prints a markdown report to
// stdout. Progress goes to stderr so stdout stays the report alone.

const SANDBOX_RECORD_LIMIT = 10_000;

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const workDir = mkdtempSync(join(tmpdir(), "start-load-"));
  const databasePath = join(workDir, "console.sqlite");
  // A fresh key in Heron's format, known only to this run.
  const apiKey = `key_${randomBytes(24).toString("hex")}`;
  const processes: ServerProcess[] = [];
  const machine = describeMachine();

  if (options.rate * options.seconds > SANDBOX_RECORD_LIMIT) {
    progress(
      `More than ${SANDBOX_RECORD_LIMIT} starts: the sandbox keeps only the ` +
        "newest, so its counts will be too low.",
    );
  }

  try {
    const sandbox = await startServerProcess(
      "server/sandbox/main.ts",
      {
        SANDBOX_API_KEY: apiKey,
        SANDBOX_PORT: "0",
        // Far above the load, so the sandbox never responds 429 here.
        SANDBOX_RATE_LIMIT: "1000000/60",
      },
      /Heron sandbox listening on (http:\/\/\S+)/,
    );
    processes.push(sandbox);
    const consoleServer = await startServerProcess(
      "server/main.ts",
      {
        HERON_API_KEY: apiKey,
        HERON_BASE_URL: sandbox.url,
        DATABASE_PATH: databasePath,
        PORT: "0",
        LOG_LEVEL: options.logLevel,
        // One signed-in admin sends every start, so the per-user limit is
        // raised above the load, with room for autocannon's uneven timing.
        START_RATE_LIMIT_PER_SECOND: String(options.rate * 2),
      },
      /Heron Workflow Console: (http:\/\/\S+)/,
    );
    processes.push(consoleServer);
    const session = await signIn(
      consoleServer.url,
      readFirstAdmin(consoleServer.output()),
    );
    const startedAt = new Date();
    const rssStart = readRssMiB(consoleServer.pid);

    progress(`Sending starts through the console at ${options.rate}/s`);
    const viaConsole = await sendStarts(
      {
        url: consoleServer.url,
        path: "/api/runs",
        headers: { "content-type": "application/json", ...session.headers },
        // Every start repeats a recent end user and workflow on purpose.
        body: (endUser, index) => ({
          ...heronStartBody(endUser, index),
          allow_duplicate: true,
        }),
      },
      options,
    );
    const rssEnd = readRssMiB(consoleServer.pid);
    const consoleStarts = await takeSandboxStarts(sandbox.url);

    progress(`Sending starts straight to the sandbox at ${options.rate}/s`);
    const direct = await sendStarts(
      {
        url: sandbox.url,
        path: "/api/workflow/start_by_name",
        headers: { "content-type": "application/json", "x-api-key": apiKey },
        body: heronStartBody,
      },
      options,
    );
    const directStarts = await takeSandboxStarts(sandbox.url);

    await consoleServer.stop();
    const report: BenchReport = {
      options,
      machine,
      startedAt,
      console: {
        load: viaConsole,
        sandboxStarts: consoleStarts,
        rowsWritten: countRows(databasePath),
      },
      direct: { load: direct, sandboxStarts: directStarts },
      rssMiB: { start: rssStart, end: rssEnd },
    };
    process.stdout.write(formatReport(report));
    if (!countsAgree(report)) process.exitCode = 1;
  } finally {
    for (const server of processes.reverse()) await server.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Counts the start requests the sandbox recorded, then clears its record. */
async function takeSandboxStarts(sandboxUrl: string): Promise<number> {
  const listed = await fetch(
    `${sandboxUrl}/__sandbox/requests?operation=start_by_name`,
  );
  const starts = (await listed.json()) as unknown[];
  await fetch(`${sandboxUrl}/__sandbox/requests`, { method: "DELETE" });
  return starts.length;
}

function countRows(databasePath: string): number {
  const sqlite = new Database(databasePath, { readonly: true });
  try {
    const row = sqlite.prepare("select count(*) as count from runs").get() as {
      count: number;
    };
    return row.count;
  } finally {
    sqlite.close();
  }
}

function describeMachine(): BenchReport["machine"] {
  const run = (command: string, args: string[]) => {
    try {
      return execFileSync(command, args, { encoding: "utf8" }).trim();
    } catch {
      return "unknown";
    }
  };
  const memory = /^Mem:\s+(\S+)/m.exec(run("free", ["-h"]))?.[1] ?? "unknown";
  return {
    cpus: run("nproc", []),
    memory,
    node: process.version,
    loadAverage: loadavg()[0] ?? 0,
  };
}

function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The start-load benchmark failed: ${
      error instanceof Error ? error.message : String(error)
    }\n`,
  );
  process.exit(1);
});
