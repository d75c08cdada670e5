import type { ApiErrorBody } from "../contract/errors.js";
import type { Run } from "../contract/runs.js";
import {
  seedEndUsers,
  seedWorkflows,
  type SandboxServer,
  type SeedEndUser,
  type SeedWorkflow,
} from "../sandbox/index.js";

// Shared pieces of the tests that start workflows through the console.

export function seedEndUser(index: number): SeedEndUser {
  const user = seedEndUsers()[index];
  if (!user) throw new Error(`the sandbox has no seeded end user ${index}`);
  return user;
}

export function seedWorkflow(name: string): SeedWorkflow {
  const workflow = seedWorkflows().find((candidate) => candidate.name === name);
  if (!workflow) throw new Error(`the sandbox has no workflow ${name}`);
  return workflow;
}

/** Builds a valid start request body for the sandbox's seeded data. */
export function startBody(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    end_user_heron_id: seedEndUser(3).heron_id,
    workflow_name: "Standard processing",
    workflow_parameters: {},
    ...overrides,
  };
}

/** Returns the start requests the sandbox recorded. */
export function startRequests(sandbox: SandboxServer) {
  return sandbox.control
    .requests()
    .filter((request) => request.operation === "start_by_name");
}

export async function errorOf(
  response: Response,
): Promise<ApiErrorBody["error"]> {
  const body = (await response.json()) as ApiErrorBody;
  return body.error;
}

export async function runOf(response: Response): Promise<Run> {
  return (await response.json()) as Run;
}

/** Retries `read` every 50 ms until `done` accepts its value. */
export async function waitUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting; last value ${JSON.stringify(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
