import { describe, expect, it } from "vitest";
import type { EndUserSearchResult } from "../../../../server/contract/heron-data";
import { describeSearchStatus } from "./search-status";

const result: EndUserSearchResult = {
  end_users: [
    {
      heron_id: "eus_aaaaaaaaaaaaaaaaaaaaaa",
      end_user_id: "cust_1",
      name: "Evergreen Consulting LLC",
      status: "ready",
    },
  ],
  match: "search",
  total: 1,
  directory: {
    state: "ready",
    complete: true,
    synced_at: "2026-01-05T10:00:00.000Z",
    count: 1,
    error: null,
  },
};

describe("describeSearchStatus", () => {
  it("says searching while an earlier result shows", () => {
    const status = describeSearchStatus({
      text: "Zephyr",
      waiting: true,
      error: null,
      result,
    });

    expect(status.kind).toBe("searching");
    expect(status.text).toBe("Searching end users…");
  });

  it("counts matches once the search ends", () => {
    const status = describeSearchStatus({
      text: "Evergreen",
      waiting: false,
      error: null,
      result,
    });

    expect(status.kind).toBe("results");
    expect(status.text).toBe("1 match.");
  });
});
