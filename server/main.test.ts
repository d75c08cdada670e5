import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

import { afterAll, afterEach, describe, expect, it } from "vitest";

import type { Health } from "./contract/heron-data.js";
import {
  runMain as runMainProcess,
  waitForText as waitFor,
  type MainProcess,
} from "./testing/main-process.js";
import { makeTempDir } from "./testing/test-server.js";

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

    // A slow Heron response is in flight when the stop signal arrives.
    await fetch(`${sandboxUrl}/__sandbox/faults`, {
      method: "POST",
      body: JSON.stringify({ operation: "list_workflows", latencyMs: 800 }),
    });
    const inFlight = fetch(`${url}api/workflows`);
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
