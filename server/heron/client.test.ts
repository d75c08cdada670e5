import { createServer as createHttpServer } from "node:http";
import { createServer, type AddressInfo } from "node:net";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { createLogger } from "../logger.js";
import {
  seedEndUsers,
  seedWorkflows,
  startSandbox,
  type SandboxServer,
} from "../sandbox/index.js";
import { LogCapture, makeApiKey } from "../testing/test-server.js";
import { createHeronClient, type HeronClient } from "./client.js";
import { HeronError } from "./heron-error.js";
import { RESPONSE_TEXT_LIMIT } from "./interpret-response.js";

const context = { requestId: "test-request-1" };
const apiKey = makeApiKey();
const logs = new LogCapture();
let sandbox: SandboxServer;
let heron: HeronClient;

function makeClient(
  baseUrl: string,
  timeoutMs = 5000,
  key = apiKey,
): HeronClient {
  return createHeronClient({
    apiKey: key,
    baseUrl,
    timeoutMs,
    userAgent: "heron-workflow-console/test",
    logger: createLogger({ level: "debug", destination: logs }),
  });
}

async function heronErrorOf(promise: Promise<unknown>): Promise<HeronError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HeronError) return error;
    throw error;
  }
  throw new Error("the call succeeded but a HeronError was expected");
}

/** Returns a loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== "object" || address === null) throw new Error();
  return address.port;
}

const firstUser = () => {
  const user = seedEndUsers()[0];
  if (!user) throw new Error("the sandbox has no seeded end users");
  return user;
};

const defaultWorkflow = () => {
  const workflow = seedWorkflows().find((candidate) => candidate.is_default);
  if (!workflow) throw new Error("the sandbox has no default workflow");
  return workflow;
};

beforeAll(async () => {
  sandbox = await startSandbox({ apiKey, port: 0, quiet: true });
  heron = makeClient(sandbox.url);
});

afterEach(() => {
  sandbox.control.reset();
});

afterAll(async () => {
  await heron.close();
  await sandbox.close();
});

describe("Heron client operations", () => {
  it("lists end users with a limit", async () => {
    const result = await heron.listEndUsers({ page: 1, limit: 5 }, context);

    expect(result.status).toBe(200);
    expect(result.body.end_users).toHaveLength(5);
    expect(result.body._meta?.total).toBeGreaterThanOrEqual(200);
  });

  it("sends the list filters as query parameters", async () => {
    await heron.listEndUsers({ name: "Acme & Co", limit: 20 }, context);

    const [recorded] = sandbox.control.requests();
    const query = new URL(recorded?.url ?? "", "http://x").searchParams;
    expect(query.get("name")).toBe("Acme & Co");
    expect(query.get("limit")).toBe("20");
  });

  it("gets an end user by heron id", async () => {
    const user = firstUser();
    const result = await heron.getEndUser(user.heron_id, context);

    expect(result.body.end_user?.heron_id).toBe(user.heron_id);
  });

  it("gets an end user by end_user_id", async () => {
    const user = firstUser();
    const result = await heron.getEndUser(user.end_user_id, context);

    expect(result.body.end_user?.heron_id).toBe(user.heron_id);
  });

  it("lists workflows", async () => {
    const result = await heron.listWorkflows(context);

    expect(result.body.length).toBeGreaterThanOrEqual(8);
    expect(result.body.some((workflow) => workflow.is_default)).toBe(true);
  });

  it("starts a workflow and reads its execution", async () => {
    const user = firstUser();
    const workflow = defaultWorkflow();

    const started = await heron.startWorkflowByName(
      {
        end_user_heron_id: user.heron_id,
        workflow_name: workflow.name,
        workflow_parameters: {},
      },
      context,
    );
    const executionId = started.body.workflow_execution_id ?? "";
    const status = await heron.getExecutionStatus(executionId, context);
    const executions = await heron.listExecutions(
      workflow.heron_id,
      user.heron_id,
      context,
    );

    expect(executionId).not.toBe("");
    expect(started.body.workflow_id).toBe(workflow.heron_id);
    expect(typeof status.body.status).toBe("string");
    expect(executions.body.map((execution) => execution.heron_id)).toContain(
      executionId,
    );
  });

  it("checks that the key is accepted", async () => {
    const result = await heron.checkAuthenticated(context);

    expect(result.status).toBe(200);
  });

  it("returns the rate-limit headers with a result", async () => {
    const before = Math.floor(Date.now() / 1000);
    const result = await heron.listWorkflows(context);

    expect(result.rateLimit.limit).toBe(100);
    expect(result.rateLimit.remaining).toBeLessThan(100);
    expect(result.rateLimit.resetAt).toBeGreaterThanOrEqual(before);
  });

  it("logs one line per call without the key", async () => {
    logs.lines.length = 0;
    await heron.listWorkflows({ requestId: "log-check-1" });

    const lines = logs
      .entries()
      .filter((entry) => entry.requestId === "log-check-1");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      operation: "list_workflows",
      status: 200,
      msg: "heron call completed",
    });
    expect(typeof lines[0]?.ms).toBe("number");
    expect(logs.text()).not.toContain(apiKey);
  });
});

describe("Heron client requests", () => {
  it("sends exactly the allowed headers on a GET", async () => {
    await heron.listWorkflows({ requestId: "headers-get" });

    const [recorded] = sandbox.control.requests();
    const names = Object.keys(recorded?.headers ?? {}).sort();
    expect(names).toEqual([
      "accept",
      "connection",
      "host",
      "user-agent",
      "x-api-key",
      "x-request-id",
    ]);
    expect(recorded?.headers["x-api-key"]).toBe(apiKey);
    expect(recorded?.headers["x-request-id"]).toBe("headers-get");
    expect(recorded?.headers["user-agent"]).toBe("heron-workflow-console/test");
    expect(recorded?.headers.accept).toBe("application/json");
  });

  it("sends exactly the allowed headers on a start", async () => {
    await heron
      .startWorkflowByName(
        {
          end_user_heron_id: firstUser().heron_id,
          workflow_name: defaultWorkflow().name,
          workflow_parameters: {},
        },
        context,
      )
      .catch(() => undefined);

    const [recorded] = sandbox.control.requests();
    const names = Object.keys(recorded?.headers ?? {}).sort();
    expect(names).toEqual([
      "accept",
      "connection",
      "content-length",
      "content-type",
      "host",
      "user-agent",
      "x-api-key",
      "x-request-id",
    ]);
  });

  it("sends the start body byte for byte", async () => {
    const body = {
      end_user_heron_id: firstUser().heron_id,
      workflow_name: defaultWorkflow().name,
      workflow_parameters: { name: "Zoë 🎉 日本" },
    };
    await heron.startWorkflowByName(body, context);

    const [recorded] = sandbox.control.requests();
    const expected = Buffer.from(JSON.stringify(body), "utf8");
    expect(recorded?.body.equals(expected)).toBe(true);
    expect(recorded?.headers["content-length"]).toBe(
      String(expected.byteLength),
    );
  });

  it.each([
    ["a slash", "a/b", "/api/end_users/a%2Fb"],
    ["a question mark", "a?b=c", "/api/end_users/a%3Fb%3Dc"],
    ["a hash", "a#b", "/api/end_users/a%23b"],
    ["dot segments", "..", "/api/end_users/%2E%2E"],
    ["a single dot", ".", "/api/end_users/%2E"],
  ])("encodes %s in a path segment", async (_name, id, path) => {
    await heronErrorOf(heron.getEndUser(id, context));

    const [recorded] = sandbox.control.requests();
    expect(recorded?.path).toBe(path);
    expect(recorded?.operation).toBe("get_end_user");
  });

  it("keeps a base URL path prefix", async () => {
    const paths: string[] = [];
    const recorder = createHttpServer((req, res) => {
      paths.push(req.url ?? "");
      res.writeHead(200, { "content-type": "application/json" });
      res.end("[]");
    });
    await new Promise<void>((resolve) =>
      recorder.listen(0, "127.0.0.1", resolve),
    );
    const { port } = recorder.address() as AddressInfo;
    const prefixed = makeClient(`http://127.0.0.1:${port}/heron`);

    await prefixed.listWorkflows(context);
    await prefixed.close();
    await new Promise((resolve) => recorder.close(resolve));

    expect(paths).toEqual(["/heron/api/workflow/user/workflows"]);
  });

  it("rejects an empty path segment", async () => {
    await expect(heron.getEndUser("", context)).rejects.toThrow(TypeError);
    expect(sandbox.control.requests()).toHaveLength(0);
  });
});

describe("Heron client errors", () => {
  it("parses Heron's error envelope", async () => {
    sandbox.control.setFault({
      operation: "list_workflows",
      respond: { status: 500, format: "envelope", description: "Boom" },
    });

    const error = await heronErrorOf(heron.listWorkflows(context));

    expect(error.kind).toBe("http");
    expect(error.status).toBe(500);
    expect(error.envelope).toEqual({
      code: 500,
      description: "Boom",
      name: "Internal Server Error",
    });
    expect(error.requestSent).toBe(true);
  });

  it("keeps a nested envelope description", async () => {
    const description = { json: { workflow_parameters: { _schema: ["Bad"] } } };
    sandbox.control.setFault({
      operation: "start_by_name",
      respond: { status: 422, format: "envelope", description },
    });

    const error = await heronErrorOf(
      heron.startWorkflowByName(
        {
          end_user_heron_id: firstUser().heron_id,
          workflow_name: "x",
          workflow_parameters: {},
        },
        context,
      ),
    );

    expect(error.status).toBe(422);
    expect(error.envelope?.description).toEqual(description);
  });

  it("reports a 404 for an unknown end user", async () => {
    const error = await heronErrorOf(
      heron.getEndUser("eus_0000000000000000000000", context),
    );

    expect(error.kind).toBe("http");
    expect(error.status).toBe(404);
    expect(error.operation).toBe("get_end_user");
  });

  it("keeps the start of an HTML error page", async () => {
    sandbox.control.setFault({
      operation: "list_workflows",
      respond: { status: 502, format: "html", description: "x".repeat(9000) },
    });

    const error = await heronErrorOf(heron.listWorkflows(context));

    expect(error.kind).toBe("http");
    expect(error.status).toBe(502);
    expect(error.envelope).toBeNull();
    expect(error.responseText).toContain("<html>");
    expect(error.responseText?.length).toBe(RESPONSE_TEXT_LIMIT);
  });

  it("reports malformed JSON as a bad response", async () => {
    sandbox.control.setFault({
      operation: "list_workflows",
      malformedJson: true,
    });

    const error = await heronErrorOf(heron.listWorkflows(context));

    expect(error.kind).toBe("bad_response");
    expect(error.status).toBe(200);
    expect(error.requestSent).toBe(true);
    expect(error.responseText).toContain('"action"');
  });

  it("reports a wrongly shaped body as a bad response", async () => {
    sandbox.control.setFault({
      operation: "list_workflows",
      respond: { status: 200, format: "envelope", description: "not a list" },
    });

    const error = await heronErrorOf(heron.listWorkflows(context));

    expect(error.kind).toBe("bad_response");
  });

  it("times out a hung request after sending it", async () => {
    const quick = makeClient(sandbox.url, 300);
    sandbox.control.setFault({ operation: "start_by_name", hang: true });

    const started = Date.now();
    const error = await heronErrorOf(
      quick.startWorkflowByName(
        {
          end_user_heron_id: firstUser().heron_id,
          workflow_name: defaultWorkflow().name,
          workflow_parameters: {},
        },
        context,
      ),
    );
    await quick.close();

    expect(error.kind).toBe("timeout");
    expect(error.requestSent).toBe(true);
    expect(error.timeoutMs).toBe(300);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("times out a slow response", async () => {
    const quick = makeClient(sandbox.url, 300);
    sandbox.control.setFault({ operation: "list_workflows", latencyMs: 1000 });

    const error = await heronErrorOf(quick.listWorkflows(context));
    await quick.close();

    expect(error.kind).toBe("timeout");
    expect(error.requestSent).toBe(true);
  });

  it("times out a body that stops midway", async () => {
    // The sandbox sends whole bodies, so a bare server sends the headers
    // and the start of a body, then nothing more.
    const stalling = createHttpServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("[");
    });
    await new Promise<void>((resolve) =>
      stalling.listen(0, "127.0.0.1", resolve),
    );
    const { port } = stalling.address() as AddressInfo;
    const quick = makeClient(`http://127.0.0.1:${port}`, 300);

    const error = await heronErrorOf(quick.listWorkflows(context));
    await quick.close();
    stalling.closeAllConnections();
    await new Promise((resolve) => stalling.close(resolve));

    expect(error.kind).toBe("timeout");
    expect(error.requestSent).toBe(true);
  });

  it("logs a failed call with its kind", async () => {
    sandbox.control.setFault({
      operation: "list_workflows",
      closeAfterRead: true,
    });

    await heronErrorOf(heron.listWorkflows({ requestId: "log-failure-1" }));

    const line = logs
      .entries()
      .find((entry) => entry.requestId === "log-failure-1");
    expect(line).toMatchObject({
      operation: "list_workflows",
      kind: "network",
      requestSent: true,
      msg: "heron call failed",
    });
  });

  it("reports a refused connection as never sent", async () => {
    const port = await closedPort();
    const unreachable = makeClient(`http://127.0.0.1:${port}`);

    const error = await heronErrorOf(unreachable.listWorkflows(context));
    await unreachable.close();

    expect(error.kind).toBe("network");
    expect(error.requestSent).toBe(false);
    expect(error.message).toContain("ECONNREFUSED");
  });

  it("reports a connection closed after the request as sent", async () => {
    sandbox.control.setFault({
      operation: "start_by_name",
      closeAfterRead: true,
    });

    const error = await heronErrorOf(
      heron.startWorkflowByName(
        {
          end_user_heron_id: firstUser().heron_id,
          workflow_name: defaultWorkflow().name,
          workflow_parameters: {},
        },
        context,
      ),
    );

    expect(error.kind).toBe("network");
    expect(error.requestSent).toBe(true);
  });

  it("never retries a start", async () => {
    sandbox.control.setFault({
      operation: "start_by_name",
      closeAfterRead: true,
    });

    await heronErrorOf(
      heron.startWorkflowByName(
        {
          end_user_heron_id: firstUser().heron_id,
          workflow_name: defaultWorkflow().name,
          workflow_parameters: {},
        },
        context,
      ),
    );

    const starts = sandbox.control
      .requests()
      .filter((request) => request.operation === "start_by_name");
    expect(starts).toHaveLength(1);
  });

  it("removes the key from messages and response text", async () => {
    sandbox.control.setFault({
      operation: "list_workflows",
      respond: {
        status: 401,
        format: "envelope",
        description: `Bad ${apiKey}`,
      },
    });
    const fromEnvelope = await heronErrorOf(heron.listWorkflows(context));
    sandbox.control.setFault({
      operation: "list_workflows",
      respond: { status: 502, format: "html", description: `Bad ${apiKey}` },
    });
    const fromPage = await heronErrorOf(heron.listWorkflows(context));

    expect(fromEnvelope.message).not.toContain(apiKey);
    expect(JSON.stringify(fromEnvelope.envelope)).not.toContain(apiKey);
    expect(fromPage.responseText).not.toContain(apiKey);
    expect(fromPage.responseText).toContain("[redacted]");
  });

  it("removes the key in another letter case", async () => {
    sandbox.control.setFault({
      operation: "list_workflows",
      respond: {
        status: 502,
        format: "html",
        description: `Bad ${apiKey.toUpperCase()}`,
      },
    });
    const error = await heronErrorOf(heron.listWorkflows(context));

    expect(error.responseText?.toLowerCase()).not.toContain(apiKey);
    expect(error.responseText).toContain("Bad [redacted]");
  });

  it("removes the key URL-encoded", async () => {
    const slashKey = `${apiKey}/+=`;
    const encoded = encodeURIComponent(slashKey);
    const echoing = await startSandbox({
      apiKey: slashKey,
      port: 0,
      quiet: true,
    });
    echoing.control.setFault({
      operation: "list_workflows",
      respond: {
        status: 502,
        format: "html",
        description: `Bad key=${encoded.toLowerCase()}`,
      },
    });
    const client = makeClient(echoing.url, 5000, slashKey);

    const error = await heronErrorOf(client.listWorkflows(context));
    await client.close();
    await echoing.close();

    expect(error.responseText?.toLowerCase()).not.toContain(
      encoded.toLowerCase(),
    );
    expect(error.responseText).toContain("Bad key=[redacted]");
  });

  it("returns the rate-limit headers with a 429", async () => {
    const limited = await startSandbox({
      apiKey,
      port: 0,
      quiet: true,
      rateLimits: { list_workflows: { limit: 1, windowSeconds: 60 } },
    });
    const client = makeClient(limited.url);

    await client.listWorkflows(context);
    const error = await heronErrorOf(client.listWorkflows(context));
    await client.close();
    await limited.close();

    expect(error.status).toBe(429);
    expect(error.rateLimit.limit).toBe(1);
    expect(error.rateLimit.remaining).toBe(0);
    expect(error.rateLimit.resetAt).toBeGreaterThan(Date.now() / 1000);
  });
});
