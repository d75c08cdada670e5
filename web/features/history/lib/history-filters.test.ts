import { describe, expect, it } from "vitest";
import {
  currentHistorySort,
  EMPTY_HISTORY_FILTERS,
  hasHistoryFilters,
  historyFilterQuery,
  readHistoryCursor,
  readHistoryFilters,
  readUnknownOutcomes,
  sameHistoryFilters,
  sortHistoryBy,
  writeHistoryFilters,
} from "./history-filters";

describe("history filters", () => {
  it("reads an empty query as no filters", () => {
    expect(readHistoryFilters("")).toEqual(EMPTY_HISTORY_FILTERS);
    expect(hasHistoryFilters(EMPTY_HISTORY_FILTERS)).toBe(false);
  });

  it("round-trips through the URL", () => {
    const filters = {
      ...EMPTY_HISTORY_FILTERS,
      q: "acme & co",
      outcome: ["started" as const, "unknown" as const],
      started_by: "usr_1a2b",
      from: "2026-12-01T00:00:00.000Z",
    };
    const search = writeHistoryFilters("", filters);
    expect(readHistoryFilters(search)).toEqual(filters);
  });

  it("counts started_by as a filter", () => {
    const filters = { ...EMPTY_HISTORY_FILTERS, started_by: "usr_1a2b" };
    expect(hasHistoryFilters(filters)).toBe(true);
    expect(historyFilterQuery(filters)).toEqual({ started_by: "usr_1a2b" });
  });

  it("drops unknown outcomes", () => {
    expect(readHistoryFilters("?outcome=started,bogus").outcome).toEqual([
      "started",
    ]);
  });

  it("lists the unknown outcomes it drops", () => {
    expect(readUnknownOutcomes("?outcome=started,bogus, Nope")).toEqual([
      "bogus",
      "Nope",
    ]);
    expect(readUnknownOutcomes("?outcome=started,,unknown")).toEqual([]);
    expect(readUnknownOutcomes("")).toEqual([]);
  });

  it("compares filters by their query", () => {
    const filters = { ...EMPTY_HISTORY_FILTERS, q: "acme" };

    expect(sameHistoryFilters(filters, { ...filters })).toBe(true);
    expect(sameHistoryFilters(filters, EMPTY_HISTORY_FILTERS)).toBe(false);
    expect(
      sameHistoryFilters(filters, { ...filters, order: "asc" as const }),
    ).toBe(false);
  });

  it("keeps other query parameters", () => {
    const search = writeHistoryFilters("?start=abc&q=old", {
      ...EMPTY_HISTORY_FILTERS,
      workflow_name: "send_report",
    });
    const params = new URLSearchParams(search);
    expect(params.get("start")).toBe("abc");
    expect(params.get("q")).toBeNull();
    expect(params.get("workflow_name")).toBe("send_report");
  });

  it("writes and reads the page cursor", () => {
    const filters = { ...EMPTY_HISTORY_FILTERS, q: "acme" };
    const search = writeHistoryFilters("", filters, "eyJzb3J0Ijoi");

    expect(readHistoryCursor(search)).toBe("eyJzb3J0Ijoi");
    expect(readHistoryFilters(search)).toEqual(filters);
  });

  it("drops the cursor for the first page", () => {
    const search = writeHistoryFilters("?cursor=old&q=acme", {
      ...EMPTY_HISTORY_FILTERS,
      q: "acme",
    });

    expect(readHistoryCursor(search)).toBe("");
    expect(new URLSearchParams(search).has("cursor")).toBe(false);
  });

  it("sends only the filters that are set", () => {
    expect(
      historyFilterQuery({ ...EMPTY_HISTORY_FILTERS, outcome: ["failed"] }),
    ).toEqual({ outcome: "failed" });
  });
});

describe("history sort", () => {
  it("reads sort and order from the URL", () => {
    const filters = readHistoryFilters("?sort=workflow_name&order=asc");

    expect(filters.sort).toBe("workflow_name");
    expect(filters.order).toBe("asc");
    expect(hasHistoryFilters(filters)).toBe(false);
  });

  it("drops an unknown sort column", () => {
    expect(readHistoryFilters("?sort=secret&order=up").sort).toBe("");
  });

  it("reverses the order on a second click", () => {
    const first = sortHistoryBy(EMPTY_HISTORY_FILTERS, "workflow_name");
    const second = sortHistoryBy(first, "workflow_name");

    expect(first).toMatchObject({ sort: "workflow_name", order: "asc" });
    expect(second).toMatchObject({ sort: "workflow_name", order: "desc" });
    expect(historyFilterQuery(second)).toEqual({
      sort: "workflow_name",
      order: "desc",
    });
  });

  it("sorts time newest first by default", () => {
    expect(currentHistorySort(EMPTY_HISTORY_FILTERS)).toEqual({
      column: "created_at",
      order: "desc",
    });
    expect(sortHistoryBy(EMPTY_HISTORY_FILTERS, "created_at").order).toBe(
      "asc",
    );
  });
});
