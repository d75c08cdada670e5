import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

import { afterAll, afterEach, describe, expect, it } from "vitest";

import type { Health } from "./contract/heron-data.js";
import {
  firstAdminOf,
  runMain as runMainProcess,
  waitForText as waitFor,
  type MainProcess,
} from "./testing/main-process.js";
import {
  makeTempDir,
  requestAs,
  signInOverHttp,
} from "./testing/test-server.js";

let running: ChildProcess | null = null;
const tempDir = makeTempDir();

/** Runs server/main.ts and remembers it, so afterEach can stop it. */
function runMain(env: Record<string, string>): MainProcess {
  const main = runMainProcess(env);
  running = main.child;
  return main;
}

afterEach(() => {
  if (running && running.exitCode === null) running.kill("SIGKILL");
  running = null;
});

afterAll(() => {
  tempDir.remove();
});

describe("server/main.ts", () => {
  it("lists every invalid variable and exits 1", async () => {
    const main = runMain({ PORT: "http", HERON_TIMEOUT_MS: "5" });

    const code = await main.exited;

    expect(code).toBe(1);
    expect(main.errors()).toContain("PORT is");
    expect(main.errors()).toContain("HERON_TIMEOUT_MS is");
  });

  it("runs against the sandbox and stops gracefully", async () => {
    const main = runMain({
      PORT: "0",
      DATABASE_PATH: join(tempDir.path, "main", "console.sqlite"),
      LOG_LEVEL: "info",
    });

    const [, url] = await waitFor(
      main.output,
      /Heron Workflow Console: (http:\/\/127\.0\.0\.1:\d+\/)/,
    );
    const [, sandboxUrl] = await waitFor(main.output, /"sandboxUrl":"([^"]+)"/);
    const health = (await (await fetch(`${url}api/health`)).json()) as Health;
    const admin = await firstAdminOf(main);
    const base = (url ?? "").replace(/\/$/, "");
    const session = await signInOverHttp(base, admin.email, admin.password);

    // A slow Heron response is in flight when the stop signal arrives.
    await fetch(`${sandboxUrl}/__sandbox/faults`, {
      method: "POST",
      body: JSON.stringify({ operation: "list_workflows", latencyMs: 800 }),
    });
    const inFlight = requestAs(base, session)("/api/workflows");
    await new Promise((resolve) => setTimeout(resolve, 200));
    main.child.kill("SIGTERM");
    const response = await inFlight;
    const code = await main.exited;

    expect(health.heron_mode).toBe("sandbox");
    expect(main.output()).toContain(
      "Sandbox: runs go to the built-in Heron sandbox, not to Heron",
    );
    expect(main.output()).toContain('"msg":"Heron Workflow Console listening"');
    expect(response.status).toBe(200);
    expect(code).toBe(0);
    expect(main.output()).toContain('"msg":"stopped"');
  });

  it("prints the first admin once on a fresh database", async () => {
    const databasePath = join(tempDir.path, "first", "console.sqlite");
    const env = { PORT: "0", DATABASE_PATH: databasePath, LOG_LEVEL: "info" };
    const first = runMain(env);
    const url = await first.url();
    const admin = await firstAdminOf(first);
    const logLines = first
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"));
    const passwordLines = logLines.filter((line) =>
      line.includes(admin.password),
    );
    const session = await signInOverHttp(url, admin.email, admin.password);
    first.child.kill("SIGTERM");
    await first.exited;

    const second = runMain(env);
    await second.url();
    second.child.kill("SIGTERM");
    await second.exited;

    expect(admin.email).toBe("admin@localhost");
    expect(admin.password).toMatch(/^[\w-]{24}$/);
    expect(first.output()).toContain(`Open:     ${url}/`);
    expect(first.output()).toContain(
      "npm run users -- reset-password admin@localhost",
    );
    // Printed once in the plain block; log shippers never see it.
    expect(passwordLines).toHaveLength(0);
    expect(first.output().split(admin.password)).toHaveLength(2);
    expect(session.user.role).toBe("admin");
    expect(second.output()).not.toContain("Password:");
    expect(second.output()).not.toContain(admin.password);
    // Two process starts and a sign-in, slow on a busy machine.
  }, 60_000);

  it("exits with a clear message on a busy port", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) =>
      blocker.listen(0, "127.0.0.1", resolve),
    );
    const { port } = blocker.address() as AddressInfo;

    try {
      const main = runMain({
        PORT: String(port),
        DATABASE_PATH: join(tempDir.path, "busy", "console.sqlite"),
      });
      const code = await main.exited;

      expect(code).toBe(1);
      expect(main.errors()).toContain(
        `Port ${port} on 127.0.0.1 is already in use`,
      );
      expect(main.errors()).not.toContain("TypeError");
    } finally {
      blocker.close();
    }
  });
});
