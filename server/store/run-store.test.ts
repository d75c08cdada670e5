import { existsSync } from "node:fs";
import { join } from "node:path";

import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { makeTempDir } from "../testing/test-server.js";
import { openStore } from "./open-store.js";
import type { NewRun, RunCompletion, RunStore } from "./run-store.js";

let tempDir: ReturnType<typeof makeTempDir>;
let databasePath: string;
let store: RunStore;

function newRun(overrides: Partial<NewRun> = {}): NewRun {
  return {
    end_user_heron_id: "eus_aaaaaaaaaaaaaaaaaaaaaa",
    end_user_name: "Acme Bakery",
    workflow_name: "Standard processing",
    workflow_parameters: '{"name":"Zoë 🎉 日本","n":1}',
    request_id: "req-1",
    ...overrides,
  };
}

const started: RunCompletion = {
  outcome: "started",
  http_status: 200,
  heron_response: '{"action":"started","workflow_execution_id":"wex_1"}',
  action: "started",
  status: "running",
  workflow_execution_id: "wex_1",
  workflow_id: "wfl_1",
  error_message: null,
  duration_ms: 42,
  response: {
    response_status: 201,
    error_code: null,
    error_fields: null,
    retry_after_seconds: null,
  },
};

beforeEach(async () => {
  tempDir = makeTempDir();
  databasePath = join(tempDir.path, "nested", "folder", "console.sqlite");
  store = await openStore(databasePath);
});

afterEach(async () => {
  await store.close();
  tempDir.remove();
});

describe("openStore", () => {
  it("creates the folder and the database", () => {
    expect(existsSync(databasePath)).toBe(true);
  });

  it("applies the migrations once", async () => {
    await store.close();
    store = await openStore(databasePath);

    const sqlite = new Database(databasePath, { readonly: true });
    const names = sqlite
      .prepare("select name from kysely_migration order by name")
      .all();
    const journal = sqlite.pragma("journal_mode", { simple: true });
    sqlite.close();
    expect(names).toEqual([
      { name: "0001-create-runs" },
      { name: "0002-add-outcome-tracking" },
      { name: "0003-add-history-indexes" },
      { name: "0004-create-presets" },
      { name: "0005-create-accounts" },
      { name: "0006-create-end-user-directory" },
      { name: "0007-add-audit-indexes" },
    ]);
    expect(journal).toBe("wal");
  });

  it("waits for the disk on every commit", async () => {
    await store.close();
    let synchronous: unknown;
    store = await openStore(databasePath, {
      onConnection: (sqlite) => {
        synchronous = sqlite.pragma("synchronous", { simple: true });
      },
    });

    // 2 is FULL; better-sqlite3's build default in WAL mode is 1, NORMAL.
    expect(synchronous).toBe(2);
  });

  it("rejects an outcome outside the list", async () => {
    const run = await store.createRun(newRun());
    const sqlite = new Database(databasePath);
    const update = () =>
      sqlite
        .prepare("update runs set outcome = 'done' where id = ?")
        .run(run.id);

    expect(update).toThrow(/CHECK constraint/);
    sqlite.close();
  });
});

describe("run store", () => {
  it("creates a run with outcome sending", async () => {
    const run = await store.createRun(newRun());

    expect(run.id).toMatch(/^run_[0-9A-Z]{26}$/);
    expect(run.outcome).toBe("sending");
    expect(run.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
    expect(run.updated_at).toBe(run.created_at);
    expect(run.workflow_parameters).toEqual({ name: "Zoë 🎉 日本", n: 1 });
    expect(run.heron_response).toBeNull();
    expect(run.http_status).toBeNull();
  });

  it("completes a run", async () => {
    const run = await store.createRun(newRun());
    const completed = await store.completeRun(run.id, started);

    expect(completed.outcome).toBe("started");
    expect(completed.workflow_execution_id).toBe("wex_1");
    expect(completed.duration_ms).toBe(42);
    expect(completed.heron_response).toEqual({
      action: "started",
      workflow_execution_id: "wex_1",
    });
    expect(completed.updated_at >= run.created_at).toBe(true);
  });

  it("keeps a response that is not JSON as text", async () => {
    const run = await store.createRun(newRun());
    const completed = await store.completeRun(run.id, {
      ...started,
      outcome: "failed",
      http_status: 502,
      heron_response: "<html>Bad Gateway</html>",
    });

    expect(completed.heron_response).toBe("<html>Bad Gateway</html>");
  });

  it("completes an unknown run with Heron's late answer", async () => {
    const run = await store.createRun(newRun());
    await store.markSendingRunsUnknown("The console stopped.", [run.id]);

    const completed = await store.completeRun(run.id, started);

    expect(completed.outcome).toBe("started");
    expect(completed.workflow_execution_id).toBe("wex_1");
    expect(completed.reconciliation_note).toMatch(/answered after/);
  });

  it("completes a run only once", async () => {
    const run = await store.createRun(newRun());
    await store.completeRun(run.id, started);

    await expect(store.completeRun(run.id, started)).rejects.toThrow(
      /already complete/,
    );
  });

  it("gets a run by id", async () => {
    const run = await store.createRun(newRun());

    expect(await store.getRun(run.id)).toEqual(run);
    expect(await store.getRun("run_missing")).toBeNull();
  });

  it("stores the parameters text unchanged", async () => {
    const text = '{"b":1,"a":{"z":[1,2]},"big":"12345678901234567890"}';
    const run = await store.createRun(newRun({ workflow_parameters: text }));

    const sqlite = new Database(databasePath, { readonly: true });
    const row = sqlite
      .prepare("select workflow_parameters from runs where id = ?")
      .get(run.id) as { workflow_parameters: string };
    sqlite.close();
    expect(row.workflow_parameters).toBe(text);
  });

  it("lists runs newest first", async () => {
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      ids.push((await store.createRun(newRun({ request_id: `r${index}` }))).id);
    }

    const { runs, total } = await store.listRuns({ page: 1, pageSize: 10 });

    expect(total).toBe(5);
    expect(runs.map((run) => run.id)).toEqual([...ids].reverse());
  });

  it("pages through runs", async () => {
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      ids.push((await store.createRun(newRun())).id);
    }
    const newestFirst = [...ids].reverse();

    const first = await store.listRuns({ page: 1, pageSize: 2 });
    const second = await store.listRuns({ page: 2, pageSize: 2 });
    const third = await store.listRuns({ page: 3, pageSize: 2 });
    const beyond = await store.listRuns({ page: 4, pageSize: 2 });

    expect(first.runs.map((run) => run.id)).toEqual(newestFirst.slice(0, 2));
    expect(second.runs.map((run) => run.id)).toEqual(newestFirst.slice(2, 4));
    expect(third.runs.map((run) => run.id)).toEqual(newestFirst.slice(4));
    expect(beyond.runs).toEqual([]);
    expect(beyond.total).toBe(5);
  });

  it("fails after close", async () => {
    await store.close();

    await expect(store.createRun(newRun())).rejects.toThrow();
    store = await openStore(databasePath);
  });
});
