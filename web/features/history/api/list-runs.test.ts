import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { StaffList } from "../../../../server/contract/auth";
import type { RunHistoryPage } from "../../../../server/contract/history";
import type { Run } from "../../../../server/contract/runs";
import { staffKeys } from "../../../lib/staff-query-keys";
import { runListQueryOptions } from "./list-runs";

const STAFF: StaffList = {
  staff: [{ id: "usr_ada", display_name: "Ada", email: "ada@example.com" }],
};

function runBy(id: string | null): Run {
  return {
    id: `run_${id ?? "anonymous"}`,
    started_by:
      id === null ? null : { id, display_name: id, email: `${id}@x.test` },
  } as Run;
}

function stubRunList(runs: Run[]) {
  const page: RunHistoryPage = { runs, next_cursor: null };
  vi.stubGlobal(
    "fetch",
    vi.fn(() =>
      Promise.resolve(
        new Response(JSON.stringify(page), {
          status: 200,
          headers: { "Content-Type": "application/json" },
        }),
      ),
    ),
  );
}

async function staffStaleAfterListing(runs: Run[]) {
  const client = new QueryClient();
  client.setQueryData(staffKeys.all, STAFF);
  stubRunList(runs);

  await client.fetchQuery(runListQueryOptions({ limit: 20 }));
  return client.getQueryState(staffKeys.all)?.isInvalidated;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("run list staff refresh", () => {
  it("marks staff stale for a new starter", async () => {
    expect(
      await staffStaleAfterListing([runBy("usr_ada"), runBy("usr_new")]),
    ).toBe(true);
  });

  it("keeps staff when every starter is listed", async () => {
    expect(await staffStaleAfterListing([runBy("usr_ada"), runBy(null)])).toBe(
      false,
    );
  });
});
