import { describe, expect, it } from "vitest";
import { pollDelayMs } from "./poll-delay";

describe("pollDelayMs", () => {
  it("doubles from 1 s after each read", () => {
    const delays = [1, 2, 3, 4].map(pollDelayMs);
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it("stays at 15 s once the doubling passes it", () => {
    expect(pollDelayMs(5)).toBe(15_000);
    expect(pollDelayMs(6)).toBe(15_000);
    expect(pollDelayMs(1_000)).toBe(15_000);
  });

  it("starts at 1 s before any read", () => {
    expect(pollDelayMs(0)).toBe(1_000);
  });
});
