import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { SignedInSession, StaffList } from "../contract/auth.js";
import type { RunHistoryPage } from "../contract/history.js";
import type { Run } from "../contract/runs.js";
import { parseCsv } from "../testing/history-rows.js";
import {
  errorOf,
  runOf,
  startBody,
  startRequests,
} from "../testing/start-helpers.js";
import {
  startTestServer,
  type RequestFunction,
  type TestServer,
  type TestSession,
} from "../testing/test-server.js";

let server: TestServer;
let ada: TestSession;
let bob: TestSession;

function start(
  request: RequestFunction,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return request("/api/runs", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  server = await startTestServer();
  ada = await server.signIn("operator", "ada@example.test");
  bob = await server.signIn("operator", "bob@example.test");
}, 60_000);

afterAll(async () => {
  await server.close();
});

describe("runs record who started them", () => {
  it("records the staff member, address, browser and reason", async () => {
    const response = await start(
      server.as(ada),
      startBody({ reason: "  TICKET-42 refund  " }),
      { "user-agent": "Console test browser" },
    );
    const run = await runOf(response);
    const detail = await runOf(await server.request(`/api/runs/${run.id}`));
    const [sent] = startRequests(server.sandbox);

    expect(response.status).toBe(201);
    expect(run.started_by).toEqual({
      id: ada.user.id,
      email: "ada@example.test",
      display_name: ada.user.display_name,
    });
    expect(run.reason).toBe("TICKET-42 refund");
    expect(detail.source_address).toBe("127.0.0.1");
    expect(detail.user_agent).toBe("Console test browser");
    expect(sent?.body.toString()).not.toContain("TICKET-42");
    expect(sent?.body.toString()).not.toContain("reason");
  });

  it("shows starter and reason in the history, not the address", async () => {
    await start(server.as(bob), startBody({ reason: "bob's run" }));
    const page = (await (
      await server.request("/api/runs?limit=100")
    ).json()) as RunHistoryPage;
    const bobs = page.runs.find((run) => run.reason === "bob's run");

    expect(bobs?.started_by?.email).toBe("bob@example.test");
    expect(bobs).not.toHaveProperty("source_address");
    expect(bobs).not.toHaveProperty("user_agent");
  });

  it("filters the history by who started", async () => {
    const page = (await (
      await server.request(`/api/runs?started_by=${bob.user.id}`)
    ).json()) as RunHistoryPage;

    expect(page.runs.length).toBeGreaterThan(0);
    for (const run of page.runs) {
      expect(run.started_by?.id).toBe(bob.user.id);
    }
  });

  it("exports starter and reason as CSV columns", async () => {
    const response = await server.request(
      `/api/runs/export.csv?started_by=${ada.user.id}`,
    );
    const [header, ...records] = parseCsv(await response.text());
    const column = (name: string) => header?.indexOf(name) ?? -1;

    expect(records).toHaveLength(1);
    expect(records[0]?.[column("started_by_name")]).toBe(ada.user.display_name);
    expect(records[0]?.[column("started_by_email")]).toBe("ada@example.test");
    expect(records[0]?.[column("reason")]).toBe("TICKET-42 refund");
  });

  it("rejects a reason over 500 characters", async () => {
    const response = await start(
      server.as(ada),
      startBody({ reason: "x".repeat(501) }),
    );
    const error = await errorOf(response);

    expect(response.status).toBe(400);
    expect(Object.keys(error.fields ?? {})).toEqual(["reason"]);
  });

  it("lists staff who started runs", async () => {
    const carol = await server.signIn("operator", "carol@example.test");
    const viewer = await server.client("viewer");
    const { staff } = (await (await viewer("/api/staff")).json()) as StaffList;
    const emails = staff.map((member) => member.email);

    expect(emails).toContain("ada@example.test");
    expect(emails).toContain("bob@example.test");
    expect(emails).not.toContain(carol.user.email);
    expect(Object.keys(staff[0] ?? {}).sort()).toEqual([
      "display_name",
      "email",
      "id",
    ]);
  });
});

describe("REQUIRE_RUN_REASON", () => {
  it("rejects a start without a reason with 422", async () => {
    const strict = await startTestServer({
      env: { REQUIRE_RUN_REASON: "true" },
    });
    try {
      const missing = await strict.postRun(startBody());
      const blank = await strict.postRun(startBody({ reason: "   " }));
      const given = await strict.postRun(startBody({ reason: "INC-7" }));
      const session = (await (
        await strict.request("/api/auth/session")
      ).json()) as SignedInSession;

      for (const response of [missing, blank]) {
        const error = await errorOf(response);
        expect(response.status).toBe(422);
        expect(error.fields?.reason).toEqual([
          "Give a reason or ticket for this run.",
        ]);
      }
      expect(given.status).toBe(201);
      expect(startRequests(strict.sandbox)).toHaveLength(1);
      expect(session.settings.reason_required).toBe(true);
    } finally {
      await strict.close();
    }
  });
});

describe("per-user start limit", () => {
  it("rejects the start after the limit with 429", async () => {
    const limited = await startTestServer({
      env: { START_RATE_LIMIT_PER_SECOND: "2" },
    });
    try {
      const operator = await limited.client("operator");
      const other = await limited.client("operator");
      const responses = await Promise.all(
        [1, 2, 3].map(() => start(operator, startBody())),
      );
      const statuses = responses.map((response) => response.status).sort();
      const rejected = responses.find((response) => response.status === 429);
      const error = rejected ? await errorOf(rejected) : null;
      const otherStart = await start(other, startBody());
      const page = (await (
        await limited.request("/api/runs?limit=100")
      ).json()) as { runs: Run[] };

      expect(statuses).toEqual([201, 201, 429]);
      expect(error?.code).toBe("too_many_starts");
      expect(error?.message).toContain("Wait 1 second");
      expect(rejected?.headers.get("retry-after")).toBe("1");
      expect(otherStart.status).toBe(201);
      expect(page.runs).toHaveLength(3);
      expect(startRequests(limited.sandbox)).toHaveLength(3);
    } finally {
      await limited.close();
    }
  });
});
