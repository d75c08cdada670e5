import { describe, expect, it } from "vitest";
import {
  announcedSeconds,
  formatCountdown,
  secondsUntil,
} from "./format-countdown";

describe("secondsUntil", () => {
  const now = Date.parse("2026-12-04T15:00:00.000Z");

  it("rounds a part second up", () => {
    expect(secondsUntil(now + 26_100, now)).toBe(27);
  });

  it("returns whole seconds as they are", () => {
    expect(secondsUntil(now + 30_000, now)).toBe(30);
  });

  it("returns 0 once the time has passed", () => {
    expect(secondsUntil(now - 5_000, now)).toBe(0);
    expect(secondsUntil(now, now)).toBe(0);
  });
});

describe("formatCountdown", () => {
  it.each([
    [0, "0 s"],
    [1, "1 s"],
    [27, "27 s"],
    [59, "59 s"],
    [60, "1 min"],
    [65, "1 min 5 s"],
    [125, "2 min 5 s"],
    [3600, "60 min"],
  ])("formats %d seconds as %s", (seconds, text) => {
    expect(formatCountdown(seconds)).toBe(text);
  });

  it("rounds a fraction up", () => {
    expect(formatCountdown(26.2)).toBe("27 s");
  });

  it("shows a negative wait as 0 s", () => {
    expect(formatCountdown(-3)).toBe("0 s");
  });
});

describe("announcedSeconds", () => {
  it.each([
    [0, 0],
    [1, 10],
    [10, 10],
    [11, 20],
    [27, 30],
    [30, 30],
    [61, 70],
  ])("announces %d seconds as %d", (seconds, announced) => {
    expect(announcedSeconds(seconds)).toBe(announced);
  });
});
