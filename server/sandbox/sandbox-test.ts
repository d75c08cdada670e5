import { test as base } from "vitest";
import { startSandbox } from "./server.js";
import type { SandboxOptions, SandboxServer } from "./types.js";

// Vitest fixtures shared by the sandbox's own tests.

export const TEST_API_KEY = `key_${"0123456789ab".repeat(4)}`;

/** Calls the sandbox over real HTTP, sending the test key in x-api-key. */
export interface HeronTestClient {
  get(path: string, init?: RequestInit): Promise<Response>;
  postJson(path: string, body: unknown, init?: RequestInit): Promise<Response>;
  request(path: string, init?: RequestInit): Promise<Response>;
}

interface SandboxFixtures {
  sandboxOptions: Partial<SandboxOptions>;
  sandbox: SandboxServer;
  heron: HeronTestClient;
}

export const test = base.extend<SandboxFixtures>({
  sandboxOptions: {},
  // The callback is named `provide`, not Vitest's usual `use`, because the
  // React hooks lint rule takes any call to use() for a hook.
  sandbox: async ({ sandboxOptions }, provide) => {
    const sandbox = await startSandbox({
      apiKey: TEST_API_KEY,
      quiet: true,
      ...sandboxOptions,
    });
    await provide(sandbox);
    await sandbox.close();
  },
  heron: async ({ sandbox }, provide) => {
    await provide(createHeronTestClient(sandbox.url));
  },
});

export function createHeronTestClient(baseUrl: string): HeronTestClient {
  const request = (path: string, init: RequestInit = {}) =>
    fetch(baseUrl + path, {
      ...init,
      headers: { "x-api-key": TEST_API_KEY, ...init.headers },
    });

  return {
    request,
    get: (path, init) => request(path, { ...init, method: "GET" }),
    postJson: (path, body, init) =>
      request(path, {
        ...init,
        method: "POST",
        body: JSON.stringify(body),
        headers: { "content-type": "application/json", ...init?.headers },
      }),
  };
}
