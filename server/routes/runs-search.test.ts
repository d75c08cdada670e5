import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { ApiErrorBody } from "../contract/errors.js";
import {
  HISTORY_SORT_COLUMNS,
  type HistorySortColumn,
  type RunHistoryPage,
} from "../contract/history.js";
import { RUN_OUTCOMES, type RunList } from "../contract/runs.js";
import { insertRuns, type HistoryRow } from "../testing/history-rows.js";
import { startTestServer, type TestServer } from "../testing/test-server.js";

let server: TestServer;

const WORKFLOWS = ["Standard processing", "Refresh", "Export 100%_done"];
const USERS: [heronId: string, name: string | null][] = [
  ["eus_alpha", "Acme Bakery"],
  ["eus_beta", "Zoë's Café"],
  ["eus_gamma", null],
  ["eus_delta", "back\\slash Ltd"],
];

// 60 runs over three days, with many ties on every sort column: ten runs
// share each created_at, and names, outcomes and durations repeat.
const ROWS: HistoryRow[] = Array.from({ length: 60 }, (_, index) => {
  const [heronId, name] = USERS[index % USERS.length] ?? ["", null];
  const minute = String(Math.floor(index / 10)).padStart(2, "0");
  return {
    id: `run_${String(index).padStart(4, "0")}`,
    created_at: `2025-01-0${1 + (index % 3)}T10:${minute}:00.000Z`,
    end_user_heron_id: heronId,
    end_user_name: name,
    workflow_name: WORKFLOWS[index % WORKFLOWS.length] ?? "",
    workflow_parameters: `{"n":${index % 4}}`,
    outcome: RUN_OUTCOMES[index % RUN_OUTCOMES.length] ?? "started",
    duration_ms: index % 7 === 0 ? null : (index % 5) * 100,
    workflow_execution_id: index % 2 === 0 ? `wex_${index}_ABC` : null,
  };
});

beforeAll(async () => {
  server = await startTestServer();
  insertRuns(server.sqlite, ROWS);
});

afterAll(async () => {
  await server.close();
});

async function listPage(query: string): Promise<RunHistoryPage> {
  const response = await server.request(`/api/runs?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as RunHistoryPage;
}

/** Follows next_cursor to the end and returns every id, in order. */
async function listAll(query: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const cursorParam: string = cursor ? `&cursor=${cursor}` : "";
    const page = await listPage(`${query}&limit=${limit}${cursorParam}`);
    expect(page.runs.length).toBeLessThanOrEqual(limit);
    ids.push(...page.runs.map((run) => run.id));
    cursor = page.next_cursor;
  } while (cursor);
  return ids;
}

function sortValue(row: HistoryRow, column: HistorySortColumn) {
  if (column === "end_user_name") return row.end_user_name ?? "";
  if (column === "duration_ms") return row.duration_ms ?? -1;
  return row[column];
}

function expectedIds(
  rows: readonly HistoryRow[],
  column: HistorySortColumn,
  order: "asc" | "desc",
): string[] {
  const sign = order === "asc" ? 1 : -1;
  return [...rows]
    .sort((a, b) => {
      const [left, right] = [sortValue(a, column), sortValue(b, column)];
      if (left !== right) return (left < right ? -1 : 1) * sign;
      return (a.id < b.id ? -1 : 1) * sign;
    })
    .map((row) => row.id);
}

async function errorFields(query: string): Promise<string[]> {
  const response = await server.request(`/api/runs?${query}`);
  const { error } = (await response.json()) as ApiErrorBody;
  expect(response.status).toBe(400);
  expect(error.code).toBe("validation_failed");
  return Object.keys(error.fields ?? {});
}

describe("GET /api/runs filters", () => {
  const all = expectedIds(ROWS, "created_at", "desc");

  it.each([
    [
      "workflow_name=Refresh",
      (row: HistoryRow) => row.workflow_name === "Refresh",
    ],
    [
      "end_user_heron_id=eus_beta",
      (row: HistoryRow) => row.end_user_heron_id === "eus_beta",
    ],
    ["outcome=started", (row: HistoryRow) => row.outcome === "started"],
    [
      "outcome=started,unknown",
      (row: HistoryRow) => ["started", "unknown"].includes(row.outcome),
    ],
    [
      "from=2025-01-02T00:00:00Z",
      (row: HistoryRow) => row.created_at >= "2025-01-02",
    ],
    [
      "to=2025-01-02T10:02:00Z",
      (row: HistoryRow) => row.created_at <= "2025-01-02T10:02:00.000Z",
    ],
    ["q=acme", (row: HistoryRow) => row.end_user_name === "Acme Bakery"],
    ["q=BETA", (row: HistoryRow) => row.end_user_heron_id === "eus_beta"],
    ["q=fresh", (row: HistoryRow) => row.workflow_name === "Refresh"],
    ["q=_abc", (row: HistoryRow) => row.workflow_execution_id !== null],
    ["q=100%25_", (row: HistoryRow) => row.workflow_name.includes("100%_")],
    ["q=%25", (row: HistoryRow) => row.workflow_name.includes("%")],
    [
      "q=k%5Cs",
      (row: HistoryRow) => row.end_user_name?.includes("\\") ?? false,
    ],
  ])("filters by %s", async (query, matches) => {
    const ids = await listAll(query, 100);
    expect(ids).toEqual(
      all.filter((id) => matches(ROWS.find((row) => row.id === id)!)),
    );
    expect(ids.length).toBeGreaterThan(0);
  });

  it("treats LIKE wildcards as text", async () => {
    expect(await listAll("q=_", 100)).toHaveLength(
      ROWS.filter(
        (row) =>
          row.workflow_name.includes("_") ||
          row.end_user_heron_id.includes("_") ||
          row.workflow_execution_id?.includes("_"),
      ).length,
    );
    expect(await listAll("q=x%25y", 100)).toEqual([]);
    expect(await listAll("q=R_fresh", 100)).toEqual([]);
  });

  it("combines filters", async () => {
    const query =
      "workflow_name=Standard%20processing&outcome=sending,failed" +
      "&from=2025-01-01T10:01:00Z&to=2025-01-03T10:04:00Z&q=eus_";
    const ids = await listAll(query, 100);

    const expected = all.filter((id) => {
      const row = ROWS.find((candidate) => candidate.id === id)!;
      return (
        row.workflow_name === "Standard processing" &&
        ["sending", "failed"].includes(row.outcome) &&
        row.created_at >= "2025-01-01T10:01:00.000Z" &&
        row.created_at <= "2025-01-03T10:04:00.000Z"
      );
    });
    expect(ids).toEqual(expected);
    expect(ids.length).toBeGreaterThan(0);
  });

  it("returns an empty page for no match", async () => {
    const page = await listPage("workflow_name=Nothing");
    expect(page).toEqual({ runs: [], next_cursor: null });
  });
});

describe("GET /api/runs sort and cursor", () => {
  it("defaults to created_at desc, 25 a page", async () => {
    const page = await listPage("");
    expect(page.runs.map((run) => run.id)).toEqual(
      expectedIds(ROWS, "created_at", "desc").slice(0, 25),
    );
    expect(page.next_cursor).toEqual(expect.any(String));
  });

  for (const column of HISTORY_SORT_COLUMNS) {
    for (const order of ["asc", "desc"] as const) {
      it(`pages ${column} ${order} without gaps`, async () => {
        const ids = await listAll(`sort=${column}&order=${order}`, 7);
        expect(ids).toEqual(expectedIds(ROWS, column, order));
        expect(new Set(ids).size).toBe(ROWS.length);
      });
    }
  }

  it("pages a filtered list", async () => {
    const ids = await listAll("outcome=started,failed&sort=duration_ms", 4);
    const rows = ROWS.filter((row) =>
      ["started", "failed"].includes(row.outcome),
    );
    expect(ids).toEqual(expectedIds(rows, "duration_ms", "desc"));
  });

  it("ends with next_cursor null on an exact last page", async () => {
    const page = await listPage("limit=60");
    expect(page.runs).toHaveLength(60);
    expect(page.next_cursor).toBeNull();
  });
});

describe("GET /api/runs validation", () => {
  it.each([
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=2.5", "limit"],
    ["sort=created", "sort"],
    ["order=up", "order"],
    ["outcome=started,done", "outcome"],
    ["outcome=started&outcome=unknown", "outcome"],
    ["workflow_name=a&workflow_name=b", "workflow_name"],
    ["from=yesterday", "from"],
    ["to=2025-01-01T00:00:00%2B02:00", "to"],
    ["from=2025-01-02T00:00:00Z&to=2025-01-01T00:00:00Z", "from"],
    [`q=${"x".repeat(201)}`, "q"],
    ["cursor=", "cursor"],
    ["cursor=not-a-cursor", "cursor"],
    ["cursor=%25%25", "cursor"],
    ["started_by=", "started_by"],
    ["started_by=a&started_by=b", "started_by"],
    ["owner=someone", "owner"],
    ["page=1&cursor=abc", "cursor"],
  ])("rejects %s", async (query, field) => {
    expect(await errorFields(query)).toEqual([field]);
  });

  it.each([
    ["page=1&page=2", "page", "Give page once, not 2 times."],
    ["page=abc", "page", "page must be a whole number from 1 to 100000."],
    ["page=0", "page", "page must be a whole number from 1 to 100000."],
    [
      "page=1&page_size=1.5",
      "page_size",
      "page_size must be a whole number from 1 to 100.",
    ],
    ["limit=1&limit=2", "limit", "Give limit once, not 2 times."],
    ["sort=outcome&sort=outcome", "sort", "Give sort once, not 2 times."],
    ["order=asc&order=desc", "order", "Give order once, not 2 times."],
  ])("words %s plainly", async (query, field, message) => {
    const response = await server.request(`/api/runs?${query}`);
    const { error } = (await response.json()) as ApiErrorBody;

    expect(response.status).toBe(400);
    expect(error.fields?.[field]).toEqual([message]);
  });

  it("rejects a cursor of another sort", async () => {
    const { next_cursor } = await listPage("sort=workflow_name&limit=2");
    const response = await server.request(
      `/api/runs?sort=duration_ms&cursor=${next_cursor}`,
    );
    const { error } = (await response.json()) as ApiErrorBody;

    expect(response.status).toBe(400);
    expect(error.fields?.cursor?.[0]).toContain("sorted by workflow_name desc");
  });

  it("rejects a cursor with a wrong value type", async () => {
    const forged = Buffer.from(
      JSON.stringify({
        sort: "duration_ms",
        order: "desc",
        value: "1",
        id: "x",
      }),
    ).toString("base64url");
    expect(await errorFields(`sort=duration_ms&cursor=${forged}`)).toEqual([
      "cursor",
    ]);
  });

  it("keeps page and page_size with filters", async () => {
    const response = await server.request(
      "/api/runs?page=2&page_size=5&workflow_name=Refresh&sort=outcome&order=asc",
    );
    const body = (await response.json()) as RunList;
    const rows = ROWS.filter((row) => row.workflow_name === "Refresh");

    expect(body.total).toBe(rows.length);
    expect(body.runs.map((run) => run.id)).toEqual(
      expectedIds(rows, "outcome", "asc").slice(5, 10),
    );
  });

  it("never fails with 5xx on any history query", async () => {
    const names = [
      "workflow_name",
      "end_user_heron_id",
      "outcome",
      "from",
      "to",
      "q",
      "sort",
      "order",
      "cursor",
      "limit",
      "page",
      "page_size",
    ];
    const value = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        "started,unknown",
        "2025-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999Z",
        "duration_ms",
        "asc",
        "0",
        "-1",
        "1e3",
        "%",
        "\\",
        "_",
        "eyJzb3J0IjoiY3JlYXRlZF9hdCJ9",
      ),
    );
    const query = fc.array(fc.tuple(fc.constantFrom(...names), value), {
      maxLength: 5,
    });

    await fc.assert(
      fc.asyncProperty(query, async (pairs) => {
        const params = new URLSearchParams();
        for (const [name, text] of pairs) params.append(name, text);
        const response = await server.request(`/api/runs?${params}`);
        expect(response.status).toBeLessThan(500);
        if (response.status === 400) {
          const { error } = (await response.json()) as ApiErrorBody;
          expect(Object.keys(error.fields ?? {}).length).toBeGreaterThan(0);
        } else {
          expect(response.status).toBe(200);
        }
      }),
      { numRuns: 150 },
    );
  });
});
