import { createServer, type AddressInfo } from "node:net";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { ApiErrorBody } from "../contract/errors.js";
import type { Run } from "../contract/runs.js";
import { seedEndUsers, seedWorkflows } from "../sandbox/index.js";
import { startTestServer, type TestServer } from "../testing/test-server.js";

let server: TestServer;

const endUser = () => {
  const user = seedEndUsers()[3];
  if (!user) throw new Error("the sandbox has no seeded end users");
  return user;
};

const workflowNamed = (name: string) => {
  const workflow = seedWorkflows().find((candidate) => candidate.name === name);
  if (!workflow) throw new Error(`the sandbox has no workflow ${name}`);
  return workflow;
};

const defaultWorkflow = () => {
  const workflow = seedWorkflows().find((candidate) => candidate.is_default);
  if (!workflow) throw new Error("the sandbox has no default workflow");
  return workflow;
};

function startBody(overrides: Record<string, unknown> = {}) {
  return {
    end_user_heron_id: endUser().heron_id,
    workflow_name: defaultWorkflow().name,
    workflow_parameters: {},
    ...overrides,
  };
}

function startRequests() {
  return server.sandbox.control
    .requests()
    .filter((request) => request.operation === "start_by_name");
}

async function errorOf(response: Response): Promise<ApiErrorBody["error"]> {
  const body = (await response.json()) as ApiErrorBody;
  return body.error;
}

/** Reads the run an error names, failing when there is none. */
async function runOf(error: ApiErrorBody["error"]): Promise<Run> {
  if (!error.runId) throw new Error(`no runId in ${JSON.stringify(error)}`);
  const run = await server.store.getRun(error.runId);
  if (!run) throw new Error(`run ${error.runId} is not recorded`);
  return run;
}

beforeAll(async () => {
  server = await startTestServer({
    env: { HERON_TIMEOUT_MS: "500", MAX_PARAMETERS_BYTES: "1024" },
  });
});

afterEach(() => {
  server.sandbox.control.reset();
});

afterAll(async () => {
  await server.close();
});

describe("POST /api/runs success", () => {
  it("starts a workflow and records it", async () => {
    const response = await server.postRun(startBody());
    const run = (await response.json()) as Run;

    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toBe(`/api/runs/${run.id}`);
    expect(run.outcome).toBe("started");
    expect(run.http_status).toBe(200);
    expect(run.workflow_execution_id).toMatch(/\S/);
    expect(run.workflow_id).toBe(defaultWorkflow().heron_id);
    expect(run.request_id).toBe(response.headers.get("x-request-id"));
    expect(await server.store.getRun(run.id)).toEqual(run);
    expect(startRequests()).toHaveLength(1);
  });

  it("sends the parameters byte for byte", async () => {
    const parameters = { name: "Zoë 🎉 日本" };
    const response = await server.postRun(
      startBody({ workflow_parameters: parameters }),
    );
    const run = (await response.json()) as Run;

    const [recorded] = startRequests();
    const expected = Buffer.from(
      JSON.stringify({
        end_user_heron_id: endUser().heron_id,
        workflow_name: defaultWorkflow().name,
        workflow_parameters: parameters,
      }),
      "utf8",
    );
    expect(response.status).toBe(201);
    expect(recorded?.body.equals(expected)).toBe(true);
    expect(recorded?.headers["content-length"]).toBe(
      String(expected.byteLength),
    );
    expect(run.workflow_parameters).toEqual(parameters);
  });

  it("keeps a __proto__ parameter", async () => {
    const raw =
      `{"end_user_heron_id":"${endUser().heron_id}",` +
      `"workflow_name":"${defaultWorkflow().name}",` +
      '"workflow_parameters":{"__proto__":{"x":1},"a":2}}';
    const response = await server.postRun(raw);

    const [recorded] = startRequests();
    expect(response.status).toBe(201);
    expect(recorded?.body.toString("utf8")).toContain(
      '"workflow_parameters":{"__proto__":{"x":1},"a":2}',
    );
  });

  it("trims the end user id", async () => {
    const response = await server.postRun(
      startBody({ end_user_heron_id: `  ${endUser().heron_id} ` }),
    );

    expect(response.status).toBe(201);
    expect(JSON.parse(startRequests()[0]?.body.toString() ?? "")).toMatchObject(
      { end_user_heron_id: endUser().heron_id },
    );
  });

  it("records the end user name from an earlier search", async () => {
    const user = endUser();
    await server.request(
      `/api/end-users?search=${encodeURIComponent(user.heron_id)}`,
    );

    const response = await server.postRun(startBody());
    const run = (await response.json()) as Run;

    expect(run.end_user_name).toBe(user.name);
  });
});

describe("POST /api/runs validation", () => {
  it("lists missing fields", async () => {
    const response = await server.postRun({});
    const error = await errorOf(response);

    expect(response.status).toBe(400);
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual([
      "end_user_heron_id",
      "workflow_name",
      "workflow_parameters",
    ]);
    expect(startRequests()).toHaveLength(0);
  });

  it.each([
    ["an array", [1, 2]],
    ["a string", '{"a":1}'],
    ["null", null],
  ])("rejects parameters that are %s", async (_name, parameters) => {
    const response = await server.postRun(
      startBody({ workflow_parameters: parameters }),
    );
    const error = await errorOf(response);

    expect(response.status).toBe(400);
    expect(error.fields?.workflow_parameters?.[0]).toContain(
      "Parameters must be a JSON object",
    );
  });

  it.each([
    ["a tab", "send_report\t"],
    ["a carriage return", "send\rreport"],
    ["a direction mark", "send_report\u202e"],
  ])("rejects a workflow name with %s", async (_name, workflowName) => {
    const response = await server.postRun(
      startBody({ workflow_name: workflowName }),
    );
    const error = await errorOf(response);

    expect(response.status).toBe(400);
    expect(error.fields?.workflow_name?.[0]).toContain(
      "no control or text-direction characters",
    );
    expect(startRequests()).toHaveLength(0);
  });

  it.each([
    ["an end_user_id", "acme-001"],
    ["a path", "../../__sandbox/reset"],
  ])("rejects %s as heron id", async (_case, heronId) => {
    const response = await server.postRun(
      startBody({ end_user_heron_id: heronId }),
    );
    const error = await errorOf(response);

    expect(response.status).toBe(400);
    expect(error.fields?.end_user_heron_id?.[0]).toContain(
      "A heron id is eus_",
    );
    expect(startRequests()).toHaveLength(0);
  });

  it("rejects a lone surrogate in parameters", async () => {
    const body = JSON.stringify(startBody()).replace(
      '"workflow_parameters":{}',
      '"workflow_parameters":{"note":"a\\ud800b"}',
    );
    const response = await server.postRun(body);
    const error = await errorOf(response);

    expect(response.status).toBe(400);
    expect(error.fields?.["workflow_parameters.note"]?.[0]).toContain(
      "lone UTF-16 surrogate",
    );
    expect(startRequests()).toHaveLength(0);
  });

  it("accepts an escaped surrogate pair", async () => {
    const body = JSON.stringify(startBody()).replace(
      '"workflow_parameters":{}',
      '"workflow_parameters":{"note":"\\ud83d\\ude80"}',
    );
    const response = await server.postRun(body);

    expect(response.status).toBe(201);
  });

  it("rejects an unknown field", async () => {
    const response = await server.postRun(startBody({ trigger_id: "t" }));
    const error = await errorOf(response);

    expect(response.status).toBe(400);
    expect(error.fields?.trigger_id?.[0]).toContain("not a field");
  });

  it("rejects a body that is not an object", async () => {
    const response = await server.postRun("[]");
    const error = await errorOf(response);

    expect(response.status).toBe(400);
    expect(error.message).toContain("must be a JSON object");
  });

  it("gives the position of invalid JSON", async () => {
    const response = await server.postRun('{"end_user_heron_id": x}');
    const error = await errorOf(response);

    expect(response.status).toBe(400);
    expect(error.code).toBe("validation_failed");
    expect(error.message).toContain('unexpected character "x"');
    expect(error.message).toContain("line 1, column 23 (position 22)");
    expect(typeof error.requestId).toBe("string");
  });

  it("rejects integers JSON cannot carry exactly", async () => {
    const raw =
      `{"end_user_heron_id":"${endUser().heron_id}",` +
      `"workflow_name":"${defaultWorkflow().name}",` +
      '"workflow_parameters":{"account":12345678901234567890,' +
      '"items":[1,{"big":-9007199254740993}],"fine":9007199254740991,' +
      '"huge":1e400}}';
    const response = await server.postRun(raw);
    const error = await errorOf(response);

    expect(response.status).toBe(400);
    expect(error.fields?.["workflow_parameters.account"]?.[0]).toContain(
      "Send it as a string",
    );
    expect(error.fields?.["workflow_parameters.account"]?.[0]).toContain(
      "12345678901234567000",
    );
    expect(error.fields?.["workflow_parameters.items.1.big"]).toHaveLength(1);
    expect(error.fields?.["workflow_parameters.huge"]?.[0]).toContain("null");
    expect(error.fields?.["workflow_parameters.fine"]).toBeUndefined();
    expect(startRequests()).toHaveLength(0);
  });

  it("rejects parameters over the size limit", async () => {
    const response = await server.postRun(
      startBody({ workflow_parameters: { text: "x".repeat(2000) } }),
    );
    const error = await errorOf(response);

    expect(response.status).toBe(413);
    expect(error.code).toBe("payload_too_large");
    expect(error.message).toContain("1 KB limit");
    expect(error.fields?.workflow_parameters).toHaveLength(1);
    expect(startRequests()).toHaveLength(0);
  });

  it("rejects a body over the body limit", async () => {
    const response = await server.postRun(
      startBody({ workflow_parameters: { text: "x".repeat(40_000) } }),
    );
    const error = await errorOf(response);

    expect(response.status).toBe(413);
    expect(error.code).toBe("payload_too_large");
    expect(error.message).toContain("within the 1 KB limit");
    expect(error.message).toContain("raise MAX_PARAMETERS_BYTES");
    expect(error.fields?.workflow_parameters).toEqual([error.message]);
    expect(startRequests()).toHaveLength(0);
  });

  it("rejects a body that is not JSON", async () => {
    const response = await server.request("/api/runs", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify(startBody()),
    });
    const error = await errorOf(response);

    expect(response.status).toBe(415);
    expect(error.code).toBe("validation_failed");
    expect(error.message).toContain("Content-Type: application/json");
  });
});

describe("POST /api/runs Heron responses", () => {
  it("maps an unknown workflow to heron_not_found", async () => {
    const response = await server.postRun(
      startBody({ workflow_name: "No such workflow" }),
    );
    const error = await errorOf(response);
    const run = await runOf(error);

    expect(response.status).toBe(404);
    expect(error.code).toBe("heron_not_found");
    expect(error.message).toContain('no workflow named "No such workflow"');
    // Heron's body names the workflow, so the end user is not blamed.
    expect(error.message).not.toContain(endUser().heron_id);
    expect(run.outcome).toBe("rejected");
    expect(run.http_status).toBe(404);
    expect(run.error_message).toBe(error.message);
    expect(startRequests()).toHaveLength(1);
  });

  it("maps an unknown end user to heron_not_found", async () => {
    const response = await server.postRun(
      startBody({ end_user_heron_id: "eus_0000000000000000000000" }),
    );
    const error = await errorOf(response);

    expect(response.status).toBe(404);
    expect(error.code).toBe("heron_not_found");
    expect((await runOf(error)).outcome).toBe("rejected");
  });

  it("maps Heron's 422 to fields", async () => {
    const response = await server.postRun(
      startBody({
        workflow_name: workflowNamed("send_report").name,
        workflow_parameters: { period: "yesterday" },
      }),
    );
    const error = await errorOf(response);
    const run = await runOf(error);

    expect(response.status).toBe(422);
    expect(error.code).toBe("heron_rejected");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual([
      "workflow_parameters.email",
      "workflow_parameters.period",
    ]);
    expect(run.outcome).toBe("rejected");
    expect(run.http_status).toBe(422);
    expect(run.heron_response).toMatchObject({ code: 422 });
  });

  it("maps _schema to the field that contains it", async () => {
    server.sandbox.control.setFault({
      operation: "start_by_name",
      respond: {
        status: 422,
        format: "envelope",
        description: {
          json: {
            workflow_parameters: {
              _schema: ["Invalid input type."],
              amount: ["Must be positive."],
            },
          },
        },
      },
    });

    const error = await errorOf(await server.postRun(startBody()));

    expect(error.fields).toEqual({
      workflow_parameters: ["Invalid input type."],
      "workflow_parameters.amount": ["Must be positive."],
    });
  });

  it("maps Heron's 400 to heron_rejected", async () => {
    server.sandbox.control.setFault({
      operation: "start_by_name",
      respond: {
        status: 400,
        format: "envelope",
        description: "Invalid trigger_id",
      },
    });

    const response = await server.postRun(startBody());
    const error = await errorOf(response);

    expect(response.status).toBe(422);
    expect(error.code).toBe("heron_rejected");
    expect(error.message).toContain("Invalid trigger_id");
    expect((await runOf(error)).outcome).toBe("rejected");
  });

  it("maps Heron's 429 with a retry time", async () => {
    server.sandbox.control.setFault({
      operation: "start_by_name",
      respond: {
        status: 429,
        format: "envelope",
        description: "100 per 1 minute",
      },
    });

    const response = await server.postRun(startBody());
    const error = await errorOf(response);

    expect(response.status).toBe(429);
    expect(error.code).toBe("heron_rate_limited");
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(response.headers.get("retry-after")).toBe(
      String(error.retryAfterSeconds),
    );
    expect((await runOf(error)).outcome).toBe("rejected");
  });

  it.each([401, 403])(
    "maps Heron's %i to heron_auth_failed",
    async (status) => {
      server.sandbox.control.setFault({
        operation: "start_by_name",
        respond: { status, format: "envelope" },
      });

      const response = await server.postRun(startBody());
      const error = await errorOf(response);

      expect(response.status).toBe(502);
      expect(error.code).toBe("heron_auth_failed");
      expect(error.message).toContain("HERON_API_KEY");
      expect((await runOf(error)).outcome).toBe("rejected");
    },
  );

  it("maps Heron's 500 to heron_unavailable", async () => {
    server.sandbox.control.setFault({
      operation: "start_by_name",
      respond: { status: 500, format: "envelope" },
    });

    const response = await server.postRun(startBody());
    const error = await errorOf(response);
    const run = await runOf(error);

    expect(response.status).toBe(502);
    expect(error.code).toBe("heron_unavailable");
    expect(run.outcome).toBe("failed");
    expect(run.http_status).toBe(500);
    expect(startRequests()).toHaveLength(1);
  });

  it("maps an HTML 502 page to heron_unavailable", async () => {
    server.sandbox.control.setFault({
      operation: "start_by_name",
      respond: { status: 502, format: "html" },
    });

    const response = await server.postRun(startBody());
    const error = await errorOf(response);
    const run = await runOf(error);

    expect(response.status).toBe(502);
    expect(error.code).toBe("heron_unavailable");
    expect(run.outcome).toBe("failed");
    expect(String(run.heron_response)).toContain("<html>");
  });

  it("maps a hung start to heron_timeout", async () => {
    server.sandbox.control.setFault({ operation: "start_by_name", hang: true });

    const response = await server.postRun(startBody());
    const error = await errorOf(response);
    const run = await runOf(error);

    expect(response.status).toBe(504);
    expect(error.code).toBe("heron_timeout");
    expect(error.message).toContain("within 0.5 s");
    expect(error.message).toContain("may have started");
    expect(run.outcome).toBe("unknown");
    expect(run.duration_ms).toBeGreaterThanOrEqual(450);
    expect(startRequests()).toHaveLength(1);
  });

  it("maps a closed connection to unknown", async () => {
    server.sandbox.control.setFault({
      operation: "start_by_name",
      closeAfterRead: true,
    });

    const response = await server.postRun(startBody());
    const error = await errorOf(response);

    expect(response.status).toBe(502);
    expect(error.code).toBe("heron_unavailable");
    expect(error.message).toContain("may have started");
    expect((await runOf(error)).outcome).toBe("unknown");
    expect(startRequests()).toHaveLength(1);
  });

  it("maps malformed JSON to heron_bad_response", async () => {
    server.sandbox.control.setFault({
      operation: "start_by_name",
      malformedJson: true,
    });

    const response = await server.postRun(startBody());
    const error = await errorOf(response);
    const run = await runOf(error);

    expect(response.status).toBe(502);
    expect(error.code).toBe("heron_bad_response");
    expect(run.outcome).toBe("unknown");
    expect(run.http_status).toBe(200);
  });
});

describe("POST /api/runs without Heron", () => {
  it("maps a refused connection to outcome failed", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const unreachable = await startTestServer({
      heronBaseUrl: `http://127.0.0.1:${port}`,
    });

    const response = await unreachable.postRun(startBody());
    const error = await errorOf(response);
    const run = error.runId
      ? await unreachable.store.getRun(error.runId)
      : null;
    await unreachable.close();

    expect(response.status).toBe(502);
    expect(error.code).toBe("heron_unavailable");
    expect(error.message).toContain("did not start");
    expect(run?.outcome).toBe("failed");
  });

  it("returns 503 when the database fails", async () => {
    const broken = await startTestServer();
    await broken.store.close();

    const response = await broken.postRun(startBody());
    const error = await errorOf(response);
    const starts = broken.sandbox.control
      .requests()
      .filter((request) => request.operation === "start_by_name");
    const logged = broken.logs.text();
    await broken.close();

    expect(response.status).toBe(503);
    expect(error.code).toBe("database_unavailable");
    expect(error.runId).toBeUndefined();
    expect(starts).toHaveLength(0);
    expect(logged).toContain("request failed");
  });
});
