import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  test as base,
  expect,
  type APIRequestContext,
  type APIResponse,
  type Page,
} from "@playwright/test";
import type {
  EndUserSearchResult,
  EndUserSummary,
  WorkflowList,
  WorkflowSummary,
} from "../server/contract/heron-data";
import type { StartRunRequest } from "../server/contract/runs";
import { ConsolePage } from "./console-page";
import { E2E_KEYLESS_CONSOLE_PORT, E2E_SANDBOX_URL } from "./environment";
import { startProcess, stopProcess, waitForUrl } from "./processes";
import { sandboxClient, type SandboxClient } from "./sandbox-client";
import { csrfHeaders } from "./session-api";

export type {
  Fault,
  SandboxClient,
  SandboxExecution,
  SandboxRequest,
} from "./sandbox-client";

/** A console started without a Heron key, so it runs its own sandbox. */
export interface KeylessConsole {
  url: string;
}

const KEYLESS_CONSOLE_LOG = "test-results/e2e-keyless-console.log";

interface Fixtures {
  sandbox: SandboxClient;
  consolePage: ConsolePage;
  /** Every dialog (alert, confirm, prompt) the page opened. */
  dialogs: string[];
  keylessConsole: KeylessConsole;
}

export const test = base.extend<Fixtures>({
  sandbox: [
    async ({}, use) => {
      await sandboxClient.reset();
      await use(sandboxClient);
      await sandboxClient.reset();
    },
    { auto: true },
  ],

  dialogs: async ({ page }, use) => {
    const opened: string[] = [];
    page.on("dialog", (dialog) => {
      opened.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await use(opened);
  },

  // Depends on dialogs, so the listener is in place before the page loads.
  consolePage: async ({ page, dialogs: _dialogs }, use) => {
    const consolePage = new ConsolePage(page);
    await consolePage.goto();
    await use(consolePage);
  },

  keylessConsole: async ({}, use) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "console-e2e-keyless-"));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(E2E_KEYLESS_CONSOLE_PORT),
      DATABASE_PATH: path.join(dataDir, "console.sqlite"),
      // Unused without a key. It points at loopback anyway, so a change in
      // how the console picks its Heron URL cannot reach the real Heron.
      HERON_BASE_URL: E2E_SANDBOX_URL,
      SANDBOX_PORT: "0",
      LOG_LEVEL: "info",
    };
    delete env.HERON_API_KEY;

    const url = `http://127.0.0.1:${E2E_KEYLESS_CONSOLE_PORT}`;
    const child = startProcess("server/main.ts", env, KEYLESS_CONSOLE_LOG);
    try {
      await waitForUrl(`${url}/api/health`, child, KEYLESS_CONSOLE_LOG);
      await use({ url });
    } finally {
      await stopProcess(child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

/** Collects the headers and body of every response the page receives. */
export function recordResponses(page: Page): () => Promise<string[]> {
  const pending: Promise<string>[] = [];
  page.on("response", (response) => {
    const headers = JSON.stringify(response.headers());
    const read = response.body().then(
      (body) => `${response.url()}\n${headers}\n${body.toString("utf8")}`,
      // Redirects and aborted requests have no body to read.
      () => `${response.url()}\n${headers}`,
    );
    pending.push(read);
  });
  return () => Promise.all(pending);
}

/**
 * Looks an end user up by exact name through the console's own search, for
 * specs that need the heron id that the page will send.
 */
export async function lookUpEndUser(
  request: APIRequestContext,
  name: string,
): Promise<EndUserSummary> {
  const response = await request.get("/api/end-users", {
    params: { search: name },
  });
  expect(response.status(), `searching end users for "${name}"`).toBe(200);
  const result = (await response.json()) as EndUserSearchResult;
  const user = result.end_users.find((candidate) => candidate.name === name);
  if (!user) {
    throw new Error(
      `No end user is named "${name}" in the sandbox's seed data. Pick a ` +
        "name from server/sandbox/seed/end-user-names.ts.",
    );
  }
  return user;
}

/** Looks a workflow up by its exact name through the console's own list. */
export async function lookUpWorkflow(
  request: APIRequestContext,
  name: string,
): Promise<WorkflowSummary> {
  const response = await request.get("/api/workflows");
  expect(response.status(), "listing workflows").toBe(200);
  const result = (await response.json()) as WorkflowList;
  const workflow = result.workflows.find(
    (candidate) => candidate.name === name,
  );
  if (!workflow) {
    throw new Error(
      `No workflow is named "${name}" in the sandbox's seed data. Pick a ` +
        "name from server/sandbox/seed/workflows.ts.",
    );
  }
  return workflow;
}

/**
 * Sends a start to the console's API with a fresh Idempotency-Key and the
 * session's CSRF token, as the page does, for specs that need runs in the
 * history but do not test the form. Returns the response whatever its
 * status.
 */
export async function postRun(
  request: APIRequestContext,
  body: StartRunRequest,
): Promise<APIResponse> {
  return request.post("/api/runs", {
    data: body,
    headers: {
      "Idempotency-Key": randomUUID(),
      ...(await csrfHeaders(request)),
    },
  });
}

export { csrfHeaders, expect };
