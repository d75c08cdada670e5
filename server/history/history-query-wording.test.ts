import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { ApiErrorBody } from "../contract/errors.js";
import { startTestServer, type TestServer } from "../testing/test-server.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

async function readError(query: string): Promise<ApiErrorBody["error"]> {
  const response = await server.request(`/api/runs?${query}`);
  expect(response.status, query).toBe(400);
  return ((await response.json()) as ApiErrorBody).error;
}

function madeUpCursor(content: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(content)).toString("base64url");
}

describe("GET /api/runs paging parameters", () => {
  it.each([
    "limit=1e1",
    "limit=0x10",
    "limit=%20%205",
    "limit=5.0",
    "limit=%2B5",
  ])("rejects %s", async (query) => {
    const error = await readError(query);

    expect(error.fields?.limit).toEqual([
      "limit must be a whole number from 1 to 100.",
    ]);
  });

  it.each(["page=1e1", "page_size=0x10"])("rejects %s", async (query) => {
    const error = await readError(query);

    expect(Object.keys(error.fields ?? {})).toEqual([query.split("=")[0]]);
  });

  it("accepts plain digits", async () => {
    const response = await server.request("/api/runs?limit=007");

    expect(response.status).toBe(200);
  });

  it("rejects cursor with page", async () => {
    const error = await readError("page=1&cursor=abc");

    expect(error.fields?.cursor).toEqual([
      "cursor cannot be used together with page. Page with cursor and " +
        "limit, or with page and page_size, not both.",
    ]);
    expect(error.message).toContain("mixes two kinds of paging");
  });

  it("rejects limit with page_size", async () => {
    const error = await readError("page_size=5&limit=5");

    expect(Object.keys(error.fields ?? {})).toEqual(["limit"]);
  });
});

describe("GET /api/runs made-up cursors", () => {
  it.each([
    ["an unknown sort", { sort: "nonsense", order: "desc", value: "x" }],
    [
      "a time that is not one",
      { sort: "created_at", order: "desc", value: "x" },
    ],
    ["an unknown outcome", { sort: "outcome", order: "desc", value: "x" }],
    ["a negative duration", { sort: "duration_ms", order: "desc", value: -5 }],
  ])("rejects %s", async (_case, content) => {
    const cursor = madeUpCursor({ ...content, id: "run_x" });
    const sort = content.sort === "nonsense" ? "created_at" : content.sort;
    const error = await readError(`sort=${sort}&cursor=${cursor}`);

    expect(Object.keys(error.fields ?? {})).toEqual(["cursor"]);
    expect(error.fields?.cursor?.[0]).toContain("not a cursor this console");
  });

  it("rejects a cursor of another sort", async () => {
    const cursor = madeUpCursor({
      sort: "workflow_name",
      order: "desc",
      value: "x",
      id: "run_x",
    });
    const error = await readError(`cursor=${cursor}`);

    expect(error.fields?.cursor?.[0]).toContain(
      "sorted by workflow_name desc, not created_at desc",
    );
  });

  it("accepts a cursor as the store writes it", async () => {
    const cursor = madeUpCursor({
      sort: "created_at",
      order: "desc",
      value: "2025-01-31T09:00:00.000Z",
      id: "run_x",
    });
    const response = await server.request(`/api/runs?cursor=${cursor}`);

    expect(response.status).toBe(200);
  });
});
