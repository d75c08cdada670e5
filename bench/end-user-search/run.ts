import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

import type {
  EndUserDirectoryStatus,
  EndUserSearchResult,
} from "../../server/contract/heron-data.js";
import { startServerProcess } from "../start-load/processes.js";
import { readFirstAdmin, signIn } from "../start-load/sign-in.js";
import { percentile } from "./percentile.js";
import { QUERIES } from "./queries.js";

// Starts the Heron sandbox, seeded with many end users, and the console as
// two processes, as Heron and the console run in use. Times the first full
// sync of the end-user directory and counts its Heron requests, then times
// searches through the console's HTTP API.
// Usage: npm run bench:end-user-search -- [--users 200000] [--rounds 20]

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "200000" },
    rounds: { type: "string", default: "20" },
    "page-size": { type: "string", default: "5000" },
  },
});
const users = Number(values.users);
const rounds = Number(values.rounds);
const pageSize = Number(values["page-size"]);
const SYNC_TIMEOUT_MS = 15 * 60_000;

// A key in Heron's format, so the console accepts it as HERON_API_KEY, and
// both URLs on loopback, so no request leaves the machine.
const apiKey = `key_${randomBytes(24).toString("hex")}`;
const dataDir = mkdtempSync(join(tmpdir(), "heron-bench-search-"));
const loadBefore = formatLoad();
const sandbox = await startServerProcess(
  "server/sandbox/main.ts",
  {
    SANDBOX_HOST: "127.0.0.1",
    SANDBOX_PORT: "0",
    SANDBOX_API_KEY: apiKey,
    SANDBOX_END_USERS: String(users),
  },
  /Heron sandbox listening on (http:\/\/\S+)/,
);
const console_ = await startServerProcess(
  "server/main.ts",
  {
    HOST: "127.0.0.1",
    PORT: "0",
    DATABASE_PATH: join(dataDir, "console.sqlite"),
    LOG_LEVEL: "warn",
    HERON_API_KEY: apiKey,
    HERON_BASE_URL: sandbox.url,
    DIRECTORY_PAGE_SIZE: String(pageSize),
  },
  /Heron Workflow Console: (http:\/\/\S+)/,
).catch(async (error: unknown) => {
  await sandbox.stop();
  throw error;
});

try {
  // Signed in as the first admin; the sync itself needs no session.
  const { headers } = await signIn(
    console_.url,
    readFirstAdmin(console_.output()),
  );
  const readStatus = () => readDirectoryStatus(console_.url, headers);
  const timeSearch = (query: string) =>
    timeOneSearch(console_.url, headers, query);

  const started = performance.now();
  const duringSync: number[] = [];
  let status = await readStatus();
  while (!status.complete || status.state === "syncing") {
    if (performance.now() - started > SYNC_TIMEOUT_MS) {
      throw new Error(
        `The first sync did not finish: ${JSON.stringify(status)}`,
      );
    }
    // Staff keep searching while the sync runs.
    duringSync.push(await timeSearch("acme"));
    await new Promise((resolve) => setTimeout(resolve, 200));
    status = await readStatus();
  }
  const syncMs = performance.now() - started;
  const listRequests = await countSandboxRequests(sandbox.url);

  const latencies: number[] = [];
  for (const query of QUERIES) await timeSearch(query);
  for (let round = 0; round < rounds; round++) {
    for (const query of QUERIES) {
      latencies.push(await timeSearch(query));
    }
  }

  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(`Run at ${new Date().toISOString()}`);
  console.log(
    `Machine: ${cpus().length} CPUs, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
      `Node ${process.version}, load average (1, 5, 15 min) ${loadBefore} ` +
      `before the run and ${formatLoad()} after it`,
  );
  console.log(`End users in the directory: ${status.count}`);
  console.log(
    `First full sync: ${(syncMs / 1000).toFixed(1)} s from listening, ` +
      `${listRequests} list_end_users requests (pages of ${pageSize})`,
  );
  console.log(
    `Searches during the sync: ${duringSync.length}, p50 ` +
      `${ms(percentile(duringSync, 50))}, p95 ${ms(percentile(duringSync, 95))}, ` +
      `max ${ms(Math.max(...duringSync))}`,
  );
  console.log(
    `Searches after the sync: ${latencies.length} (${QUERIES.length} ` +
      `queries x ${rounds} rounds), p50 ${ms(percentile(latencies, 50))}, ` +
      `p95 ${ms(percentile(latencies, 95))}, max ${ms(Math.max(...latencies))}`,
  );
  for (const query of QUERIES) {
    const samples = [];
    for (let i = 0; i < 5; i++) samples.push(await timeSearch(query));
    console.log(
      `  ${JSON.stringify(query)}: median ${ms(percentile(samples, 50))}`,
    );
  }
} finally {
  await console_.stop();
  await sandbox.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

async function readDirectoryStatus(
  url: string,
  headers: Record<string, string>,
): Promise<EndUserDirectoryStatus> {
  const response = await fetch(`${url}/api/end-users/directory`, { headers });
  if (response.status !== 200) {
    throw new Error(`Reading the directory status returned ${response.status}`);
  }
  return (await response.json()) as EndUserDirectoryStatus;
}

/** Returns the milliseconds from sending a search to its whole response. */
async function timeOneSearch(
  url: string,
  headers: Record<string, string>,
  query: string,
): Promise<number> {
  const started = performance.now();
  const response = await fetch(
    `${url}/api/end-users?search=${encodeURIComponent(query)}`,
    { headers },
  );
  const body = (await response.json()) as EndUserSearchResult;
  const elapsed = performance.now() - started;
  if (response.status !== 200 || !Array.isArray(body.end_users)) {
    throw new Error(
      `Searching ${JSON.stringify(query)} returned ${response.status}`,
    );
  }
  return elapsed;
}

/** Counts list_end_users requests through the sandbox's control route. */
async function countSandboxRequests(sandboxUrl: string): Promise<number> {
  const response = await fetch(
    `${sandboxUrl}/__sandbox/requests?operation=list_end_users`,
  );
  return ((await response.json()) as unknown[]).length;
}

function formatLoad(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(", ");
}
