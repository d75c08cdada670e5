import { describe, expect, it } from "vitest";
import { formatTimeAgo } from "./format-time-ago";

const now = Date.parse("2026-12-04T15:00:00.000Z");

function ago(ms: number): string {
  return new Date(now - ms).toISOString();
}

describe("formatTimeAgo", () => {
  it.each([
    [0, "less than a minute ago"],
    [59_999, "less than a minute ago"],
    [60_000, "1 minute ago"],
    [4 * 60_000 + 30_000, "4 minutes ago"],
    [59 * 60_000, "59 minutes ago"],
    [60 * 60_000, "1 hour ago"],
    [5 * 60 * 60_000, "5 hours ago"],
    [24 * 60 * 60_000, "1 day ago"],
    [3 * 24 * 60 * 60_000, "3 days ago"],
  ])("formats %d ms ago as %s", (ms, text) => {
    expect(formatTimeAgo(ago(ms), now)).toBe(text);
  });

  it("reads a future time as just now", () => {
    expect(formatTimeAgo(ago(-5_000), now)).toBe("just now");
  });

  it("returns an unreadable timestamp as it is", () => {
    expect(formatTimeAgo("yesterday", now)).toBe("yesterday");
  });
});
