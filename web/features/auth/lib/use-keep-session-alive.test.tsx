import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authKeys } from "../api/query-keys";
import {
  KEEP_ALIVE_CHECK_MS,
  useKeepSessionAlive,
} from "./use-keep-session-alive";

afterEach(() => {
  vi.useRealTimers();
});

let clockStart = Date.now();

/**
 * Starts fake timers an hour after the previous test's clock, because the
 * page's last input time is kept across tests.
 */
function startFakeClock(): void {
  clockStart += 3_600_000;
  vi.useFakeTimers({ now: clockStart });
}

function renderKeepAlive(signedIn: boolean) {
  const queryClient = new QueryClient();
  const invalidate = vi
    .spyOn(queryClient, "invalidateQueries")
    .mockResolvedValue(undefined);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  renderHook(() => useKeepSessionAlive(signedIn), { wrapper });
  return invalidate;
}

describe("useKeepSessionAlive", () => {
  it("reads the session after a key press", () => {
    startFakeClock();
    const invalidate = renderKeepAlive(true);

    vi.advanceTimersByTime(1_000);
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "a" }));
    vi.advanceTimersByTime(KEEP_ALIVE_CHECK_MS);

    expect(invalidate).toHaveBeenCalledOnce();
    expect(invalidate).toHaveBeenCalledWith({ queryKey: authKeys.session() });
  });

  it("reads nothing without input", () => {
    startFakeClock();
    const invalidate = renderKeepAlive(true);

    vi.advanceTimersByTime(5 * KEEP_ALIVE_CHECK_MS);

    expect(invalidate).not.toHaveBeenCalled();
  });

  it("reads nothing while signed out", () => {
    startFakeClock();
    const invalidate = renderKeepAlive(false);

    vi.advanceTimersByTime(1_000);
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "a" }));
    vi.advanceTimersByTime(KEEP_ALIVE_CHECK_MS);

    expect(invalidate).not.toHaveBeenCalled();
  });
});
