import { describe, expect, it } from "vitest";
import {
  EMPTY_HISTORY_FILTERS,
  hasHistoryFilters,
  historyFilterQuery,
  readHistoryFilters,
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
      from: "2026-12-01T00:00:00.000Z",
    };
    const search = writeHistoryFilters("", filters);
    expect(readHistoryFilters(search)).toEqual(filters);
  });

  it("drops unknown outcomes", () => {
    expect(readHistoryFilters("?outcome=started,bogus").outcome).toEqual([
      "started",
    ]);
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

  it("sends only the filters that are set", () => {
    expect(
      historyFilterQuery({ ...EMPTY_HISTORY_FILTERS, outcome: ["failed"] }),
    ).toEqual({ outcome: "failed" });
  });
});
