import { MantineProvider } from "@mantine/core";
import { act, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RateLimitCountdown } from "./rate-limit-countdown";

const start = Date.parse("2026-12-04T15:00:00.000Z");

function renderCountdown(untilMs: number) {
  render(
    <MantineProvider>
      <RateLimitCountdown untilMs={untilMs} />
    </MantineProvider>,
  );
}

beforeEach(() => {
  vi.useFakeTimers({ now: start });
});

afterEach(() => {
  vi.useRealTimers();
});

describe("RateLimitCountdown", () => {
  it("counts down every second", () => {
    renderCountdown(start + 30_000);
    expect(screen.getByText("Try again in 30 s")).toBeTruthy();

    act(() => vi.advanceTimersByTime(3_000));
    expect(screen.getByText("Try again in 27 s")).toBeTruthy();
  });

  it("announces the wait in 10 s steps", () => {
    renderCountdown(start + 27_000);
    const status = screen.getByRole("status");
    expect(status.textContent).toContain("Try again in about 30 s.");

    act(() => vi.advanceTimersByTime(8_000));
    expect(status.textContent).toContain("Try again in about 20 s.");
  });

  it("says the limit has reset at the deadline", () => {
    renderCountdown(start + 5_000);

    act(() => vi.advanceTimersByTime(5_000));
    expect(screen.queryByText(/^Try again in/)).toBeNull();
    expect(screen.getByRole("status").textContent).toBe(
      "Heron's rate limit has reset. You can start again.",
    );
  });
});
