import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { ApiErrorBody } from "../contract/errors.js";
import { seedEndUsers, seedWorkflows } from "../sandbox/index.js";
import { startTestServer, type TestServer } from "../testing/test-server.js";

// Large enough that parameters within it, sent as \u escapes, make a body
// far over the parameters limit plus a fixed margin.
const MAX_PARAMETERS_BYTES = 8192;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    env: { MAX_PARAMETERS_BYTES: String(MAX_PARAMETERS_BYTES) },
  });
});

afterAll(async () => {
  await server.close();
});

/** Builds a start request with one parameter `t`, its text as given. */
function rawStart(parameterText: string): string {
  const user = seedEndUsers()[5];
  const workflow = seedWorkflows().find((candidate) => candidate.is_default);
  if (!user || !workflow) throw new Error("the sandbox seed data is empty");
  return (
    `{"end_user_heron_id":${JSON.stringify(user.heron_id)},` +
    `"workflow_name":${JSON.stringify(workflow.name)},` +
    `"workflow_parameters":{"t":"${parameterText}"}}`
  );
}

describe("POST /api/runs body size", () => {
  it("accepts escaped parameters within the limit", async () => {
    // 8000 characters: 8 KB as parameters, 48 KB as \u escapes in the body.
    const response = await server.postRun(rawStart("\\u0078".repeat(8000)));

    expect(response.status).toBe(201);
  });

  it("names workflow_parameters for a body over the limit", async () => {
    const response = await server.postRun(rawStart("\\u0078".repeat(20_000)));
    const { error } = (await response.json()) as ApiErrorBody;

    expect(response.status).toBe(413);
    expect(error.code).toBe("payload_too_large");
    expect(error.message).toContain("within the 8 KB limit");
    expect(error.message).toContain("raise MAX_PARAMETERS_BYTES");
    expect(error.fields?.workflow_parameters).toEqual([error.message]);
  });
});
