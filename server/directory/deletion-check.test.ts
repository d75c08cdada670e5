import { describe, expect, it } from "vitest";

import { pageShowsDeletion } from "./deletion-check.js";
import type { FetchedPage } from "./fetch-page.js";

function fetched(size: number, total: number | null): FetchedPage {
  return { entries: [], size, total, last: false };
}

describe("pageShowsDeletion", () => {
  it("ignores the first page of a run", () => {
    expect(pageShowsDeletion(fetched(10, 90), 1, 50, null)).toBe(false);
  });

  it("flags a total that dropped", () => {
    expect(pageShowsDeletion(fetched(50, 199), 2, 50, 200)).toBe(true);
  });

  it("accepts a total that grew", () => {
    expect(pageShowsDeletion(fetched(50, 201), 2, 50, 200)).toBe(false);
  });

  it("flags a page shorter than the total promised", () => {
    // 120 users in pages of 50 promise 20 on page 3.
    expect(pageShowsDeletion(fetched(17, null), 3, 50, 120)).toBe(true);
  });

  it("accepts a last page of the promised size", () => {
    expect(pageShowsDeletion(fetched(20, null), 3, 50, 120)).toBe(false);
  });
});
