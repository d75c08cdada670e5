import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { ApiErrorBody } from "../contract/errors.js";
import type { WorkflowList } from "../contract/heron-data.js";
import { seedWorkflows } from "../sandbox/index.js";
import { startTestServer, type TestServer } from "../testing/test-server.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterEach(() => {
  server.sandbox.control.reset();
});

afterAll(async () => {
  await server.close();
});

describe("GET /api/workflows", () => {
  it("lists every Heron workflow", async () => {
    const response = await server.request("/api/workflows");
    const body = (await response.json()) as WorkflowList;

    expect(response.status).toBe(200);
    expect(body.workflows.map((workflow) => workflow.heron_id)).toEqual(
      seedWorkflows().map((workflow) => workflow.heron_id),
    );
    expect(
      body.workflows.some((workflow) => !workflow.dashboard_trigger_enabled),
    ).toBe(true);
  });

  it("returns the summary fields", async () => {
    const response = await server.request("/api/workflows");
    const body = (await response.json()) as WorkflowList;
    const seeded = seedWorkflows()[0];

    expect(body.workflows[0]).toEqual({
      heron_id: seeded?.heron_id,
      name: seeded?.name,
      is_default: seeded?.is_default,
      dashboard_trigger_enabled: seeded?.dashboard_trigger_enabled,
      dashboard_trigger_label: seeded?.dashboard_trigger_label,
      owners: {
        user_email: seeded?.owners.user_email,
        group_slack_name: seeded?.owners.group_slack_name,
      },
    });
  });

  it("maps Heron's 401 to heron_auth_failed", async () => {
    server.sandbox.control.setFault({
      operation: "list_workflows",
      respond: { status: 401, format: "envelope" },
    });

    const response = await server.request("/api/workflows");
    const { error } = (await response.json()) as ApiErrorBody;

    expect(response.status).toBe(502);
    expect(error.code).toBe("heron_auth_failed");
  });

  it("maps malformed JSON to heron_bad_response", async () => {
    server.sandbox.control.setFault({
      operation: "list_workflows",
      malformedJson: true,
    });

    const response = await server.request("/api/workflows");
    const { error } = (await response.json()) as ApiErrorBody;

    expect(response.status).toBe(502);
    expect(error.code).toBe("heron_bad_response");
  });
});
