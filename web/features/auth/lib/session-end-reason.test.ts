import { describe, expect, it } from "vitest";
import { explainSessionEnd, sessionEndReason } from "./session-end-reason";

const LAST = {
  idle_expires_at: "2026-12-04T10:30:00.000Z",
  expires_at: "2026-12-04T20:00:00.000Z",
};

describe("sessionEndReason", () => {
  it("is idle after the idle expiry", () => {
    expect(sessionEndReason(LAST, Date.parse("2026-12-04T10:31:00Z"))).toBe(
      "idle",
    );
  });

  it("is max_age after the absolute expiry", () => {
    expect(sessionEndReason(LAST, Date.parse("2026-12-04T20:00:01Z"))).toBe(
      "max_age",
    );
  });

  it("is ended before either expiry", () => {
    expect(sessionEndReason(LAST, Date.parse("2026-12-04T10:00:00Z"))).toBe(
      "ended",
    );
  });

  it("allows a few seconds of clock difference", () => {
    expect(sessionEndReason(LAST, Date.parse("2026-12-04T10:29:57Z"))).toBe(
      "idle",
    );
  });
});

describe("explainSessionEnd", () => {
  it("names inactivity for idle", () => {
    expect(explainSessionEnd("idle")).toContain("not used for a while");
  });

  it("names other tabs and admins for ended", () => {
    expect(explainSessionEnd("ended")).toContain("another tab");
    expect(explainSessionEnd("ended")).toContain("admin");
  });
});
