import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { readSandboxConfig } from "./main-config.js";

describe("readSandboxConfig", () => {
  test("defaults", () => {
    const config = readSandboxConfig({});

    expect(config.host).toBe("127.0.0.1");
    expect(config.port).toBe(4010);
    expect(config.apiKeyGenerated).toBe(true);
    expect(config.apiKey).toMatch(/^key_[0-9a-f]{48}$/);
    expect(config.rateLimit).toBeUndefined();
    expect(config.executionStepMs).toBeUndefined();
  });

  test("generated keys differ per start", () => {
    expect(readSandboxConfig({}).apiKey).not.toBe(readSandboxConfig({}).apiKey);
  });

  test("reads every variable", () => {
    const config = readSandboxConfig({
      SANDBOX_HOST: "::1",
      SANDBOX_PORT: "4455",
      SANDBOX_API_KEY: "key_dev",
      SANDBOX_RATE_LIMIT: "5/10",
      SANDBOX_EXECUTION_STEP_MS: "250",
    });

    expect(config).toEqual({
      host: "::1",
      port: 4455,
      apiKey: "key_dev",
      apiKeyGenerated: false,
      rateLimit: { limit: 5, windowSeconds: 10 },
      executionStepMs: 250,
    });
  });

  test("lists every invalid variable", () => {
    const read = () =>
      readSandboxConfig({
        SANDBOX_PORT: "http",
        SANDBOX_RATE_LIMIT: "100 per minute",
        SANDBOX_EXECUTION_STEP_MS: "-5",
      });

    expect(read).toThrow(/SANDBOX_PORT: must be a port number/);
    expect(read).toThrow(/SANDBOX_RATE_LIMIT: must be requests\/seconds/);
    expect(read).toThrow(/SANDBOX_EXECUTION_STEP_MS: /);
  });

  test("zero rate limit is invalid", () => {
    expect(() => readSandboxConfig({ SANDBOX_RATE_LIMIT: "0/60" })).toThrow(
      /at least 1 request/,
    );
    expect(() => readSandboxConfig({ SANDBOX_RATE_LIMIT: "10/0" })).toThrow(
      /at least 1 request in at least 1 second/,
    );
  });
});

describe("npm run sandbox entry", () => {
  test("prints its URL and stops on SIGTERM", async () => {
    const entry = fileURLToPath(new URL("./main.ts", import.meta.url));
    const tsx = fileURLToPath(
      new URL("../../node_modules/.bin/tsx", import.meta.url),
    );
    const child = spawn(tsx, [entry], {
      env: {
        ...process.env,
        SANDBOX_PORT: "0",
        SANDBOX_API_KEY: "key_entry_test",
        SANDBOX_RATE_LIMIT: "2/60",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));

    try {
      const url = await waitForUrl(() => output);
      const response = await fetch(`${url}/api/hello_world/authenticated`, {
        headers: { "x-api-key": "key_entry_test" },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("x-ratelimit-limit")).toBe("2");
      expect(output).not.toMatch(/API key for this run/);

      child.kill("SIGTERM");
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});

async function waitForUrl(readOutput: () => string): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const match = /listening on (http:\/\/\S+)/.exec(readOutput());
    if (match?.[1]) return match[1];
    if (Date.now() > deadline) {
      throw new Error(`The sandbox printed no URL; output: ${readOutput()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
