import { describe, expect, it } from "vitest";
import { statusTone } from "./execution-status-tone";

describe("statusTone", () => {
  it.each([
    ["completed", "success"],
    ["failed", "failure"],
    ["running", "active"],
    ["pending", "neutral"],
    ["skipped", "neutral"],
    ["cancelled", "neutral"],
  ] as const)("reads the sandbox word %s as %s", (status, tone) => {
    expect(statusTone(status)).toBe(tone);
  });

  it("ignores case and spaces around the word", () => {
    expect(statusTone(" Completed ")).toBe("success");
  });

  it("reads an unknown word as neutral", () => {
    expect(statusTone("queued_for_review")).toBe("neutral");
  });

  it("reads a missing status as neutral", () => {
    expect(statusTone(null)).toBe("neutral");
  });
});
