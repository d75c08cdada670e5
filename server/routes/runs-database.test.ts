import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";

import {
  errorOf,
  seedEndUser,
  startBody,
  startRequests,
} from "../testing/start-helpers.js";
import { startTestServer, type TestServer } from "../testing/test-server.js";

// Faults on the console's real SQLite connection: the run cannot be
// recorded, so the console responds 503 and never starts the workflow.

let server: TestServer;

afterEach(async () => {
  await server.close();
});

/** Searches the end user, so the start needs no lookup at Heron. */
async function knowEndUser(heronId: string): Promise<void> {
  await server.request(`/api/end-users?search=${encodeURIComponent(heronId)}`);
  server.sandbox.control.clearRequests();
}

async function expectNotRecorded(response: Response): Promise<void> {
  const error = await errorOf(response);
  const { count } = server.sqlite
    .prepare("select count(*) as count from runs where id like 'run_%'")
    .get() as { count: number };

  expect(response.status).toBe(503);
  expect(error.code).toBe("database_unavailable");
  expect(error.message).toContain("did not start the workflow");
  expect(error.runId).toBeUndefined();
  expect(count).toBe(0);
}

describe("start with an unusable database", () => {
  it("returns 503 on a read-only connection", async () => {
    server = await startTestServer();
    const endUser = seedEndUser(3);
    await knowEndUser(endUser.heron_id);
    server.sqlite.pragma("query_only = ON");

    const response = await server.postRun(startBody());

    await expectNotRecorded(response);
    expect(server.sandbox.control.requests()).toHaveLength(0);
    expect(server.logs.text()).toContain("SQLITE_READONLY");
  });

  it("sends nothing for a name not yet known", async () => {
    server = await startTestServer();
    server.sqlite.pragma("query_only = ON");

    const response = await server.postRun(startBody());

    await expectNotRecorded(response);
    expect(server.sandbox.control.requests()).toHaveLength(0);
  });

  it("returns 503 when another connection holds the lock", async () => {
    server = await startTestServer();
    await knowEndUser(seedEndUser(3).heron_id);
    server.sqlite.pragma("busy_timeout = 100");
    const other = new Database(server.databasePath);
    other.exec("begin immediate");

    try {
      const response = await server.postRun(startBody());

      await expectNotRecorded(response);
      expect(server.sandbox.control.requests()).toHaveLength(0);
      expect(server.logs.text()).toContain("SQLITE_BUSY");
    } finally {
      other.exec("rollback");
      other.close();
    }
  });

  it("returns 503 when the database is full", async () => {
    server = await startTestServer();
    await knowEndUser(seedEndUser(3).heron_id);
    const pages = server.sqlite.pragma("page_count", { simple: true });
    server.sqlite.pragma(`max_page_count = ${Number(pages) + 1}`);
    // Fills the pages left with ever smaller rows, so the next insert needs
    // a page it cannot get.
    const fill = server.sqlite.prepare(
      "insert into runs (id, created_at, updated_at, end_user_heron_id, " +
        "workflow_name, workflow_parameters, request_id, outcome) " +
        "values (?, '', '', '', '', ?, '', 'failed')",
    );
    let rows = 0;
    for (const size of [500, 100, 20, 1]) {
      try {
        for (;;) fill.run(`fill_${(rows += 1)}`, "x".repeat(size));
      } catch (error) {
        expect((error as { code?: string }).code).toBe("SQLITE_FULL");
      }
    }

    const response = await server.postRun(startBody());

    await expectNotRecorded(response);
    expect(server.sandbox.control.requests()).toHaveLength(0);
    expect(server.logs.text()).toContain("SQLITE_FULL");
  });
});

describe("start while shutting down", () => {
  it("returns 503 without recording or starting", async () => {
    server = await startTestServer();
    await server.runServices.inFlight.close(0);

    const response = await server.postRun(startBody());
    const error = await errorOf(response);

    expect(response.status).toBe(503);
    expect(error.code).toBe("shutting_down");
    expect(error.message).toContain("did not start the workflow");
    expect(startRequests(server.sandbox)).toHaveLength(0);
    expect(await server.store.listRuns({ page: 1, pageSize: 1 })).toEqual({
      runs: [],
      total: 0,
    });
  });
});
