import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { ApiErrorBody } from "../contract/errors.js";
import type { Run, RunList } from "../contract/runs.js";
import { startTestServer, type TestServer } from "../testing/test-server.js";

let server: TestServer;
const ids: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  for (let index = 0; index < 3; index += 1) {
    const run = await server.store.createRun({
      end_user_heron_id: "eus_aaaaaaaaaaaaaaaaaaaaaa",
      end_user_name: null,
      workflow_name: `Workflow ${index}`,
      workflow_parameters: "{}",
      request_id: `request-${index}`,
    });
    ids.push(run.id);
  }
});

afterAll(async () => {
  await server.close();
});

describe("GET /api/runs", () => {
  it("lists an offset page newest first", async () => {
    const response = await server.request("/api/runs?page=1");
    const body = (await response.json()) as RunList;

    expect(response.status).toBe(200);
    expect(body.page).toBe(1);
    expect(body.page_size).toBe(20);
    expect(body.total).toBe(3);
    expect(body.runs.map((run) => run.id)).toEqual([...ids].reverse());
  });

  it("pages", async () => {
    const response = await server.request("/api/runs?page=2&page_size=2");
    const body = (await response.json()) as RunList;

    expect(body.page).toBe(2);
    expect(body.page_size).toBe(2);
    expect(body.runs.map((run) => run.id)).toEqual([ids[0]]);
  });

  it.each(["page=0", "page_size=101", "page=abc", "sort=asc"])(
    "rejects %s",
    async (query) => {
      const response = await server.request(`/api/runs?${query}`);
      const { error } = (await response.json()) as ApiErrorBody;

      expect(response.status).toBe(400);
      expect(error.code).toBe("validation_failed");
      expect(Object.keys(error.fields ?? {})).toHaveLength(1);
    },
  );
});

describe("GET /api/runs/:id", () => {
  it("returns one run", async () => {
    const response = await server.request(`/api/runs/${ids[1]}`);
    const run = (await response.json()) as Run;

    expect(response.status).toBe(200);
    expect(run.id).toBe(ids[1]);
    expect(run.workflow_name).toBe("Workflow 1");
  });

  it("returns 404 for an unknown id", async () => {
    const response = await server.request("/api/runs/run_nope");
    const { error } = (await response.json()) as ApiErrorBody;

    expect(response.status).toBe(404);
    expect(error.code).toBe("not_found");
    expect(error.message).toContain("run_nope");
  });

  it("shortens a long unknown id in the message", async () => {
    const id = `run_${"x".repeat(5000)}`;
    const response = await server.request(`/api/runs/${id}`);
    const { error } = (await response.json()) as ApiErrorBody;

    expect(response.status).toBe(404);
    expect(error.message).not.toContain(id);
    expect(error.message).toContain("(5004 characters)");
    expect(error.message.length).toBeLessThan(250);
  });
});
