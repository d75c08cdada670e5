import { describe, expect } from "vitest";
import { test } from "./sandbox-test.js";
import { seedEndUsers } from "./seed/end-users.js";
import { seedWorkflowDefinitions, seedWorkflows } from "./seed/workflows.js";

const START = "/api/workflow/start_by_name";
const endUser = seedEndUsers()[0]!;

describe("GET /api/workflow/user/workflows", () => {
  test("lists the seeded workflows", async ({ heron }) => {
    const response = await heron.get("/api/workflow/user/workflows");

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(seedWorkflows());
  });

  test("seed covers the dashboard cases", () => {
    const workflows = seedWorkflows();

    expect(workflows.length).toBeGreaterThanOrEqual(8);
    expect(workflows.filter((workflow) => workflow.is_default)).toHaveLength(1);
    expect(
      workflows.some((workflow) => !workflow.dashboard_trigger_enabled),
    ).toBe(true);
    expect(workflows.some((workflow) => workflow.dashboard_trigger_label)).toBe(
      true,
    );
    expect(
      workflows.some((workflow) => workflow.owners.user_email?.length),
    ).toBe(true);
    expect(
      workflows.some((workflow) => workflow.owners.group_slack_name?.length),
    ).toBe(true);
    for (const workflow of workflows) {
      expect(workflow.heron_id).toMatch(/^wfl_[A-Za-z0-9]{22}$/);
    }
    expect(new Set(workflows.map((workflow) => workflow.name)).size).toBe(
      workflows.length,
    );
  });
});

describe("POST /api/workflow/start_by_name", () => {
  test("starts a workflow", async ({ heron }) => {
    const workflow = seedWorkflows()[0]!;
    const response = await heron.postJson(START, {
      end_user_heron_id: endUser.heron_id,
      workflow_name: workflow.name,
      workflow_parameters: {},
    });
    const body = await response.json();

    expect(response.status).toBe(200);
    expect(body).toEqual({
      action: "started",
      status: "pending",
      workflow_execution_id: expect.stringMatching(/^wex_[A-Za-z0-9]{22}$/),
      workflow_id: workflow.heron_id,
    });
    expect(response.headers.get("x-ratelimit-remaining")).toBe("99");
  });

  test("workflow_parameters may be left out", async ({ heron }) => {
    const response = await heron.postJson(START, {
      end_user_heron_id: endUser.heron_id,
      workflow_name: "Standard processing",
    });

    expect(response.status).toBe(200);
  });

  test("each start gets a new execution id", async ({ heron }) => {
    const body = {
      end_user_heron_id: endUser.heron_id,
      workflow_name: "Standard processing",
    };
    const first = await (await heron.postJson(START, body)).json();
    const second = await (await heron.postJson(START, body)).json();

    expect(first.workflow_execution_id).not.toBe(second.workflow_execution_id);
  });

  test("unknown end user gets 404", async ({ heron }) => {
    const response = await heron.postJson(START, {
      end_user_heron_id: "eus_0000000000000000000000",
      workflow_name: "Standard processing",
    });

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      code: 404,
      description: "End user not found",
      name: "Not Found",
    });
  });

  test("end_user_id is not a heron id", async ({ heron }) => {
    const response = await heron.postJson(START, {
      end_user_heron_id: "acme-001",
      workflow_name: "Standard processing",
    });

    expect(response.status).toBe(404);
  });

  test("unknown workflow gets 404", async ({ heron }) => {
    const response = await heron.postJson(START, {
      end_user_heron_id: endUser.heron_id,
      workflow_name: "standard processing",
    });

    expect(response.status).toBe(404);
    expect((await response.json()).description).toBe("Workflow not found");
  });

  test("missing fields get 422", async ({ heron }) => {
    const response = await heron.postJson(START, {});

    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      code: 422,
      description: {
        json: {
          end_user_heron_id: ["Missing data for required field."],
          workflow_name: ["Missing data for required field."],
        },
      },
      name: "Unprocessable Entity",
    });
  });

  const INVALID_BODIES = [
    [
      "parameters as a list",
      { workflow_parameters: [1, 2] },
      { workflow_parameters: { _schema: ["Invalid input type."] } },
    ],
    [
      "parameters as a string",
      { workflow_parameters: "{}" },
      { workflow_parameters: { _schema: ["Invalid input type."] } },
    ],
    [
      "null parameters",
      { workflow_parameters: null },
      { workflow_parameters: ["Field may not be null."] },
    ],
    [
      "a numeric workflow name",
      { workflow_name: 7 },
      { workflow_name: ["Not a valid string."] },
    ],
    [
      "a null end user",
      { end_user_heron_id: null },
      { end_user_heron_id: ["Field may not be null."] },
    ],
    ["an unknown field", { dry_run: true }, { dry_run: ["Unknown field."] }],
  ] as const;

  for (const [label, change, errors] of INVALID_BODIES) {
    test(`422 for ${label}`, async ({ heron }) => {
      const response = await heron.postJson(START, {
        end_user_heron_id: endUser.heron_id,
        workflow_name: "Standard processing",
        ...change,
      });
      const body = await response.json();

      expect(response.status).toBe(422);
      expect(body.description).toEqual({ json: errors });
    });
  }

  test("non-object JSON gets _schema error", async ({ heron }) => {
    const response = await heron.postJson(START, ["a"]);
    const body = await response.json();

    expect(response.status).toBe(422);
    expect(body.description).toEqual({
      json: { _schema: ["Invalid input type."] },
    });
  });

  test("invalid JSON gets 400 envelope", async ({ heron }) => {
    const response = await heron.request(START, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"end_user_heron_id": ',
    });
    const body = await response.json();

    expect(response.status).toBe(400);
    expect(body.code).toBe(400);
    expect(body.name).toBe("Bad Request");
    expect(body.description).toMatch(/not valid JSON/);
  });

  test("invalid UTF-8 gets 400", async ({ heron }) => {
    const response = await heron.request(START, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]),
    });

    expect(response.status).toBe(400);
  });

  test("non-JSON content type counts as no body", async ({ heron }) => {
    const response = await heron.request(START, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({
        end_user_heron_id: endUser.heron_id,
        workflow_name: "Standard processing",
      }),
    });
    const body = await response.json();

    expect(response.status).toBe(422);
    expect(Object.keys(body.description.json).sort()).toEqual([
      "end_user_heron_id",
      "workflow_name",
    ]);
  });

  test("JSON content type with charset is accepted", async ({ heron }) => {
    const response = await heron.request(START, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({
        end_user_heron_id: endUser.heron_id,
        workflow_name: "Standard processing",
      }),
    });

    expect(response.status).toBe(200);
  });

  test("trigger_id gets 400", async ({ heron }) => {
    const response = await heron.postJson(START, {
      end_user_heron_id: endUser.heron_id,
      workflow_name: "Standard processing",
      trigger_id: "trg_unknown",
    });

    expect(response.status).toBe(400);
    expect((await response.json()).description).toMatch(/trigger_id/);
  });
});

describe("workflow parameter rules", () => {
  const start = (
    heron: { postJson: (path: string, body: unknown) => Promise<Response> },
    workflowName: string,
    parameters: unknown,
  ) =>
    heron.postJson(START, {
      end_user_heron_id: endUser.heron_id,
      workflow_name: workflowName,
      workflow_parameters: parameters,
    });

  test("send_report has an email rule", () => {
    const sendReport = seedWorkflowDefinitions().find(
      (definition) => definition.workflow.name === "send_report",
    );

    expect(sendReport?.parameters.email).toEqual({
      type: "email",
      required: true,
    });
  });

  test("send_report accepts a valid email", async ({ heron }) => {
    const response = await start(heron, "send_report", {
      email: "ops@example.com",
      period: "last_90_days",
    });

    expect(response.status).toBe(200);
  });

  const INVALID_PARAMETERS = [
    ["send_report", { email: 42 }, { email: ["Not a valid email address."] }],
    [
      "send_report",
      { email: "not-an-email" },
      { email: ["Not a valid email address."] },
    ],
    ["send_report", {}, { email: ["Missing data for required field."] }],
    [
      "send_report",
      { email: "a@b.io", period: "yesterday" },
      {
        period: ["Must be one of: last_30_days, last_90_days, last_12_months."],
      },
    ],
    [
      "Recalculate scorecard",
      { months: 40 },
      {
        months: [
          "Must be greater than or equal to 1 and less than or equal to 36.",
        ],
      },
    ],
    [
      "Recalculate scorecard",
      { months: "many" },
      { months: ["Not a valid integer."] },
    ],
    [
      "Recalculate scorecard",
      { as_of: "2024-02-30" },
      { as_of: ["Not a valid date."] },
    ],
    [
      "notify_slack",
      { channel: "#ops", mention_owners: "sometimes" },
      { mention_owners: ["Not a valid boolean."] },
    ],
    [
      "Flag for manual review",
      { reason: null },
      { reason: ["Field may not be null."] },
    ],
  ] as const;

  for (const [workflowName, parameters, errors] of INVALID_PARAMETERS) {
    test(`422 for ${workflowName} ${JSON.stringify(parameters)}`, async ({
      heron,
    }) => {
      const response = await start(heron, workflowName, parameters);

      expect(response.status).toBe(422);
      expect(await response.json()).toEqual({
        code: 422,
        description: { json: { workflow_parameters: errors } },
        name: "Unprocessable Entity",
      });
    });
  }

  test("parameters without a rule pass", async ({ heron }) => {
    const response = await start(heron, "Recalculate scorecard", {
      months: 12,
      as_of: "2024-02-29",
      note: "extra",
    });

    expect(response.status).toBe(200);
  });
});
