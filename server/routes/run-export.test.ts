import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { ApiErrorBody } from "../contract/errors.js";
import { RUN_EXPORT_COLUMNS } from "../contract/history.js";
import {
  insertRuns,
  parseCsv,
  type HistoryRow,
} from "../testing/history-rows.js";
import { startTestServer, type TestServer } from "../testing/test-server.js";

let server: TestServer;

const TRICKY: HistoryRow = {
  id: "run_0002",
  created_at: "2025-01-02T09:00:00.000Z",
  end_user_heron_id: "eus_tricky",
  end_user_name: '=HYPERLINK("http://x","y")',
  workflow_name: 'Pay, then "close"',
  workflow_parameters: JSON.stringify({ a: "x,y", n: "l1\nl2" }),
  outcome: "failed",
  duration_ms: 1500,
  workflow_execution_id: null,
  http_status: 502,
  error_message: "-1 retries\r\nthen @admin",
  request_id: "+request",
  started_by_user_id: "usr_1",
  started_by_email: "ada@example.test",
  started_by_name: "Ada, the operator",
  reason: "=TICKET-1",
};

const PLAIN: HistoryRow = {
  id: "run_0001",
  created_at: "2025-01-01T09:00:00.000Z",
  end_user_heron_id: "eus_plain",
  end_user_name: null,
  workflow_name: "Refresh",
  workflow_parameters: "{}",
  outcome: "started",
  duration_ms: null,
  workflow_execution_id: "wex_1",
  status: "\tindented",
};

beforeAll(async () => {
  server = await startTestServer();
  insertRuns(server.sqlite, [PLAIN, TRICKY]);
});

afterAll(async () => {
  await server.close();
});

async function exportCsv(query = ""): Promise<string[][]> {
  const response = await server.request(`/api/runs/export.csv?${query}`);
  expect(response.status).toBe(200);
  return parseCsv(await response.text());
}

describe("GET /api/runs/export.csv", () => {
  it("sends a CSV attachment", async () => {
    const response = await server.request("/api/runs/export.csv");
    await response.text();

    expect(response.headers.get("content-type")).toBe(
      "text/csv; charset=utf-8",
    );
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="heron-runs-\d{8}T\d{6}Z\.csv"$/,
    );
  });

  it("writes the header and one record per run", async () => {
    const [header, ...records] = await exportCsv("sort=created_at&order=asc");

    expect(header).toEqual([...RUN_EXPORT_COLUMNS]);
    expect(records).toHaveLength(2);
    expect(records[0]).toEqual([
      "run_0001",
      "2025-01-01T09:00:00.000Z",
      "",
      "eus_plain",
      "Refresh",
      "started",
      "",
      "wex_1",
      "",
      "",
      "'\tindented",
      "",
      "",
      "",
      "{}",
      "request",
      "",
      "",
      "",
    ]);
  });

  it("quotes and neutralises tricky cells", async () => {
    const [, record] = await exportCsv("end_user_heron_id=eus_tricky");

    expect(record).toEqual([
      "run_0002",
      "2025-01-02T09:00:00.000Z",
      `'=HYPERLINK("http://x","y")`,
      "eus_tricky",
      'Pay, then "close"',
      "failed",
      "502",
      "",
      "",
      "",
      "",
      "",
      "1500",
      "'-1 retries\r\nthen @admin",
      '{"a":"x,y","n":"l1\\nl2"}',
      "'+request",
      "Ada, the operator",
      "ada@example.test",
      "'=TICKET-1",
    ]);
  });

  it("writes RFC 4180 raw text", async () => {
    const response = await server.request(
      "/api/runs/export.csv?end_user_heron_id=eus_tricky",
    );
    const text = await response.text();

    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n")[0]).toBe(RUN_EXPORT_COLUMNS.join(","));
  });

  it("applies filters and sort", async () => {
    const [, ...records] = await exportCsv("sort=duration_ms&order=desc");
    expect(records.map((record) => record[0])).toEqual([
      "run_0002",
      "run_0001",
    ]);
    expect(await exportCsv("outcome=rejected")).toHaveLength(1);
    expect(await exportCsv("q=HYPERLINK")).toHaveLength(2);
  });

  it("rejects invalid filters with 400", async () => {
    const response = await server.request(
      "/api/runs/export.csv?outcome=done&limit=5",
    );
    const { error } = (await response.json()) as ApiErrorBody;

    expect(response.status).toBe(400);
    expect(Object.keys(error.fields ?? {}).sort()).toEqual([
      "limit",
      "outcome",
    ]);
  });
});

describe("large CSV export", () => {
  const COUNT = 20_000;

  beforeAll(() => {
    const parameters = JSON.stringify({ note: "x".repeat(1000) });
    insertRuns(
      server.sqlite,
      Array.from({ length: COUNT }, (_, index) => ({
        id: `run_big_${String(index).padStart(6, "0")}`,
        created_at: new Date(Date.UTC(2024, 0, 1) + index * 1000).toISOString(),
        end_user_heron_id: "eus_big",
        end_user_name: `Customer ${index}`,
        workflow_name: "Bulk",
        workflow_parameters: parameters,
        outcome: "started",
        duration_ms: index,
        workflow_execution_id: `wex_big_${index}`,
      })),
    );
  });

  it("streams 20 000 runs in little memory", async () => {
    // Node starts without global.gc; this exposes it for this test, so each
    // sample counts live objects rather than garbage not yet collected.
    setFlagsFromString("--expose-gc");
    const collectGarbage = runInNewContext("gc") as () => void;
    const liveHeap = () => {
      collectGarbage();
      return process.memoryUsage().heapUsed;
    };
    // About 21 MB of CSV, which a buffered export would hold whole.
    const before = liveHeap();
    let peak = before;
    let chunks = 0;
    let records = 0;
    let tail = "";

    const response = await server.request(
      "/api/runs/export.csv?workflow_name=Bulk",
    );
    const decoder = new TextDecoder();
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const text = tail + decoder.decode(value, { stream: true });
      const lines = text.split("\r\n");
      tail = lines.pop() ?? "";
      records += lines.length;
      chunks += 1;
      if (chunks % 20 === 0) peak = Math.max(peak, liveHeap());
    }

    expect(tail).toBe("");
    expect(records).toBe(COUNT + 1);
    expect(peak - before).toBeLessThan(8 * 1024 * 1024);
  });

  it("keeps serving while a download waits", async () => {
    const response = await server.request(
      "/api/runs/export.csv?workflow_name=Bulk",
    );
    const reader = response.body!.getReader();
    await reader.read();

    const list = await server.request("/api/runs?limit=1");
    expect(list.status).toBe(200);
    await reader.cancel();
  });
});
