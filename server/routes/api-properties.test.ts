import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { API_ERROR_CODES, type ApiErrorBody } from "../contract/errors.js";
import type { Run } from "../contract/runs.js";
import {
  errorOf,
  seedEndUser,
  startBody,
  startRequests,
} from "../testing/start-helpers.js";
import { startTestServer, type TestServer } from "../testing/test-server.js";

// Generated bad input on every route: never a 5xx, always the error shape,
// and never a start at Heron for a start request the console rejected.

const NUM_RUNS = 40;
const GENEROUS = { limit: 100_000, windowSeconds: 60 };
let server: TestServer;
let runIds: string[] = [];

beforeAll(async () => {
  server = await startTestServer({
    env: { HERON_TIMEOUT_MS: "1000" },
    sandbox: {
      rateLimits: {
        start_by_name: GENEROUS,
        get_end_user: GENEROUS,
        list_end_users: GENEROUS,
        list_workflows: GENEROUS,
        list_executions: GENEROUS,
        execution_status: GENEROUS,
      },
    },
  });
  const started = (await (await server.postRun(startBody())).json()) as Run;
  server.sandbox.control.setFault({
    operation: "start_by_name",
    hang: true,
    times: 1,
  });
  const unknown = await errorOf(await server.postRun(startBody()));
  runIds = [started.id, unknown.runId ?? "run_missing"];
});

afterAll(async () => {
  const health = await server.request("/api/health");
  expect(health.status).toBe(200);
  await server.close();
});

/** Checks one response: below 500, and an error body with a known code. */
async function expectWellFormed(response: Response): Promise<void> {
  expect(response.status).toBeLessThan(500);
  if (response.status < 400) return;
  const body = (await response.json()) as ApiErrorBody;
  expect(API_ERROR_CODES).toContain(body.error.code);
  expect(typeof body.error.message).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
}

// Characters fetch accepts in a header value, some invalid in a key.
const headerText = fc.string({
  unit: fc.constantFrom(..."aZ09-_:.~!é ü\t#%\"'{}".split("")),
  maxLength: 140,
});

const text = fc.string({ maxLength: 80 });

const looseValue = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
);

const startFields = fc.record(
  {
    end_user_heron_id: fc.oneof(
      looseValue,
      fc.constant(seedEndUser(3).heron_id),
    ),
    workflow_name: fc.oneof(looseValue, fc.constant("No such workflow")),
    workflow_parameters: fc.oneof(
      looseValue,
      fc.dictionary(text, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
    ),
    allow_duplicate: looseValue,
    trigger_id: looseValue,
  },
  { requiredKeys: [] },
);

const startBodyText = fc.oneof(
  startFields.map((fields) => JSON.stringify(fields)),
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 200 }),
  fc.constantFrom(
    "",
    "{",
    '{"workflow_parameters":{"n":123456789012345678901234567890}}',
    `{"end_user_heron_id":"${"x".repeat(70)}","workflow_name":"a","workflow_parameters":{}}`,
  ),
);

const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "application/merge-patch+json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "application/json; charset=latin1",
);

const queryString = fc
  .dictionary(
    fc.oneof(
      fc.constantFrom(
        "page",
        "page_size",
        "search",
        "end_user_heron_id",
        "workflow_name",
      ),
      text,
    ),
    fc.oneof(text, fc.integer().map(String)),
    { maxKeys: 4 },
  )
  .map((query) => new URLSearchParams(query).toString());

const runId = fc.oneof(
  fc.constantFrom(...["run_missing", "..", "%00", "a".repeat(300)]),
  text.filter((id) => id.length > 0),
  fc.constant("known"),
);

function resolveRunId(id: string): string {
  if (id === "known") return runIds[0] ?? "";
  if (id === "known-unknown") return runIds[1] ?? "";
  return id;
}

describe("API properties", () => {
  it("POST /api/runs rejects bad input without starting", async () => {
    await fc.assert(
      fc.asyncProperty(
        startBodyText,
        contentType,
        fc.option(headerText),
        async (body, type, key) => {
          const before = startRequests(server.sandbox).length;
          const headers: Record<string, string> = { "content-type": type };
          if (key !== null) headers["idempotency-key"] = key;

          const response = await server.request("/api/runs", {
            method: "POST",
            headers,
            body,
          });

          await expectWellFormed(response);
          if ([400, 413, 415].includes(response.status)) {
            expect(startRequests(server.sandbox).length).toBe(before);
          }
        },
      ),
      { numRuns: NUM_RUNS * 2 },
    );
  });

  it.each([
    "/api/runs",
    "/api/runs/recent",
    "/api/end-users",
    "/api/workflows",
    "/api/runs/export.csv",
    "/api/presets",
    "/api/workflows/Refresh/recent-parameters",
  ])("GET %s handles any query", async (path) => {
    await fc.assert(
      fc.asyncProperty(queryString, async (query) => {
        const response = await server.request(`${path}?${query}`);
        await expectWellFormed(response);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it.each([
    ["GET", ""],
    ["GET", "/execution"],
    ["POST", "/reconcile"],
  ])("%s /api/runs/:id%s handles any id", async (method, suffix) => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(runId, fc.constant("known-unknown")),
        queryString,
        async (id, query) => {
          const path = `/api/runs/${encodeURIComponent(resolveRunId(id))}`;
          const response = await server.request(`${path}${suffix}?${query}`, {
            method,
          });
          await expectWellFormed(response);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it("never starts for an invalid Idempotency-Key", async () => {
    await fc.assert(
      fc.asyncProperty(
        // fetch trims spaces and tabs around header values before sending.
        headerText.filter(
          (key) =>
            !/^[\x21-\x7e]{1,128}$/.test(key.replace(/^[\t ]+|[\t ]+$/g, "")),
        ),
        async (key) => {
          const before = startRequests(server.sandbox).length;
          const response = await server.postRun(startBody(), {
            "idempotency-key": key,
          });
          const error = await errorOf(response);

          expect(response.status).toBe(400);
          expect(error.fields?.["Idempotency-Key"]).toHaveLength(1);
          expect(startRequests(server.sandbox).length).toBe(before);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
