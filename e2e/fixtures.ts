import { test as base, expect } from "@playwright/test";
import { E2E_SANDBOX_URL } from "./environment";

// The sandbox's own control routes, reached over HTTP because it runs in a
// separate process. The shapes match FaultSpec and RecordedRequest in
// server/sandbox/index.ts.

export interface Fault {
  operation: string;
  latencyMs?: number;
  respond?: {
    status: number;
    format: "envelope" | "html";
    description?: unknown;
  };
  hang?: boolean;
  closeAfterRead?: boolean;
  malformedJson?: boolean;
  times?: number;
}

export interface SandboxRequest {
  method: string;
  path: string;
  url: string;
  operation: string | null;
  headers: Record<string, string | string[] | undefined>;
  body_text: string;
  body_base64: string;
}

export interface SandboxClient {
  setFault(fault: Fault): Promise<void>;
  requests(operation?: string): Promise<SandboxRequest[]>;
  reset(): Promise<void>;
}

async function control(method: string, route: string, body?: unknown) {
  const response = await fetch(`${E2E_SANDBOX_URL}/__sandbox/${route}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`sandbox ${method} ${route}: ${response.status}`);
  }
  return response;
}

const sandboxClient: SandboxClient = {
  async setFault(fault) {
    await control("POST", "faults", fault);
  },
  async requests(operation) {
    const query = operation ? `?operation=${operation}` : "";
    const response = await control("GET", `requests${query}`);
    return (await response.json()) as SandboxRequest[];
  },
  async reset() {
    await control("POST", "reset");
  },
};

export const test = base.extend<{ sandbox: SandboxClient }>({
  sandbox: [
    async ({}, use) => {
      await sandboxClient.reset();
      await use(sandboxClient);
      await sandboxClient.reset();
    },
    { auto: true },
  ],
});

export { expect };
