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
  lookup_failure: null,
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

  it("says a failed lookup is not a missing user", () => {
    const status = describeSearchStatus({
      text: "eus_0000000000000000000000",
      waiting: false,
      error: null,
      result: {
        ...result,
        end_users: [],
        total: 0,
        lookup_failure: {
          id: "eus_0000000000000000000000",
          reason: "http",
          http_status: 503,
          timeout_ms: null,
        },
      },
    });

    expect(status.kind).toBe("error");
    expect(status.text).toBe(
      "Heron could not be asked about eus_0000000000000000000000 " +
        "(HTTP 503). Try again in a moment.",
    );
  });

  it("adds a timed-out lookup to the matches", () => {
    const status = describeSearchStatus({
      text: "cust_",
      waiting: false,
      error: null,
      result: {
        ...result,
        lookup_failure: {
          id: "cust_",
          reason: "timeout",
          http_status: null,
          timeout_ms: 3000,
        },
      },
    });

    expect(status.kind).toBe("results");
    expect(status.text).toBe(
      "1 match. Heron could not be asked about cust_ (no response within " +
        "3 s). Try again in a moment.",
    );
  });
});
