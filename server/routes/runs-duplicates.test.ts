import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { RecentRuns } from "../contract/runs.js";
import {
  errorOf,
  runOf,
  seedEndUser,
  startBody,
  startRequests,
} from "../testing/start-helpers.js";
import { startTestServer, type TestServer } from "../testing/test-server.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    env: { DUPLICATE_WINDOW_MINUTES: "10", HERON_TIMEOUT_MS: "500" },
  });
});

afterEach(() => {
  server.sandbox.control.reset();
});

afterAll(async () => {
  await server.close();
});

async function recentRuns(endUserHeronId: string, workflowName: string) {
  const query = new URLSearchParams({
    end_user_heron_id: endUserHeronId,
    workflow_name: workflowName,
  });
  const response = await server.request(`/api/runs/recent?${query}`);
  return { response, body: (await response.json()) as RecentRuns };
}

/** Moves a run's created_at back by `minutes`. */
function age(runId: string, minutes: number): void {
  const createdAt = new Date(Date.now() - minutes * 60_000).toISOString();
  server.sqlite
    .prepare("update runs set created_at = ? where id = ?")
    .run(createdAt, runId);
}

describe("duplicate guard", () => {
  it("rejects a repeat until confirmed", async () => {
    const user = seedEndUser(20);
    const body = startBody({ end_user_heron_id: user.heron_id });
    const first = await runOf(await server.postRun(body));
    age(first.id, 4);

    const rejected = await server.postRun(body);
    const error = await errorOf(rejected);
    const confirmed = await server.postRun({ ...body, allow_duplicate: true });
    const second = await runOf(confirmed);

    expect(rejected.status).toBe(409);
    expect(error.code).toBe("duplicate_run");
    expect(error.message).toBe(
      `Standard processing was started for ${user.name} 4 minutes ago ` +
        `(run ${first.id}, outcome started). Confirm again to start it anyway.`,
    );
    expect(error.duplicateOf).toEqual({
      id: first.id,
      created_at: (await server.store.getRun(first.id))?.created_at,
      outcome: "started",
    });
    expect(error.runId).toBeUndefined();
    expect(confirmed.status).toBe(201);
    expect(second.id).not.toBe(first.id);
    expect(startRequests(server.sandbox)).toHaveLength(2);
  });

  it("never sends allow_duplicate to Heron", async () => {
    const body = startBody({ end_user_heron_id: seedEndUser(21).heron_id });

    await server.postRun({ ...body, allow_duplicate: true });

    const [recorded] = startRequests(server.sandbox);
    expect(JSON.parse(recorded?.body.toString("utf8") ?? "")).toEqual(body);
  });

  it("counts unknown runs but not failed or old ones", async () => {
    const user = seedEndUser(22);
    const body = startBody({ end_user_heron_id: user.heron_id });
    server.sandbox.control.setFault({
      operation: "start_by_name",
      respond: { status: 500, format: "envelope" },
      times: 1,
    });
    const failed = await server.postRun(body);
    const started = await runOf(await server.postRun(body));
    age(started.id, 11);
    server.sandbox.control.setFault({
      operation: "start_by_name",
      hang: true,
      times: 1,
    });
    const unknown = await errorOf(await server.postRun(body));

    const rejected = await errorOf(await server.postRun(body));

    expect(failed.status).toBe(502);
    expect(rejected.code).toBe("duplicate_run");
    expect(rejected.duplicateOf?.id).toBe(unknown.runId);
    expect(rejected.duplicateOf?.outcome).toBe("unknown");
    expect(rejected.message).toContain("may have started");
    expect(rejected.message).toContain("less than a minute ago");
  });

  it("keeps other workflows and end users apart", async () => {
    const body = startBody({ end_user_heron_id: seedEndUser(23).heron_id });
    await server.postRun(body);

    const otherWorkflow = await server.postRun({
      ...body,
      workflow_name: "Refresh credit bureau",
    });
    const otherUser = await server.postRun({
      ...body,
      end_user_heron_id: seedEndUser(24).heron_id,
    });

    expect(otherWorkflow.status).toBe(201);
    expect(otherUser.status).toBe(201);
  });
});

describe("GET /api/runs/recent", () => {
  it("lists recent active runs newest first", async () => {
    const body = startBody({ end_user_heron_id: seedEndUser(25).heron_id });
    const first = await runOf(await server.postRun(body));
    const second = await runOf(
      await server.postRun({ ...body, allow_duplicate: true }),
    );
    const old = await runOf(
      await server.postRun({ ...body, allow_duplicate: true }),
    );
    age(old.id, 30);

    const { response, body: recent } = await recentRuns(
      seedEndUser(25).heron_id,
      "Standard processing",
    );

    expect(response.status).toBe(200);
    expect(recent.window_minutes).toBe(10);
    expect(recent.runs.map((run) => run.id)).toEqual([second.id, first.id]);
  });

  it("returns an empty list for a new pair", async () => {
    const { body } = await recentRuns(
      seedEndUser(26).heron_id,
      "Standard processing",
    );

    expect(body.runs).toEqual([]);
  });

  it.each([
    ["no parameters", ""],
    ["no workflow", `end_user_heron_id=${seedEndUser(1).heron_id}`],
    ["an unknown parameter", "end_user_heron_id=a&workflow_name=b&page=1"],
    [
      "a repeated parameter",
      "end_user_heron_id=a&end_user_heron_id=b&workflow_name=c",
    ],
  ])("rejects %s", async (_name, query) => {
    const response = await server.request(`/api/runs/recent?${query}`);
    const error = await errorOf(response);

    expect(response.status).toBe(400);
    expect(error.code).toBe("validation_failed");
  });
});
