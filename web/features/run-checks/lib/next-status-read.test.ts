import type { QueryState } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { ExecutionStatusResult } from "../../../../server/contract/executions";
import { nextStatusRead } from "./next-status-read";

type State = QueryState<ExecutionStatusResult, Error>;

const running: ExecutionStatusResult = {
  available: true,
  status: "running",
  finished: false,
  nodes: [],
  checked_at: "2026-12-04T15:00:00.000Z",
};

function state(overrides: Partial<State>): { state: State } {
  return {
    state: {
      data: undefined,
      dataUpdateCount: 0,
      dataUpdatedAt: 0,
      error: null,
      errorUpdateCount: 0,
      errorUpdatedAt: 0,
      fetchFailureCount: 0,
      fetchFailureReason: null,
      fetchMeta: null,
      isInvalidated: false,
      status: "pending",
      fetchStatus: "idle",
      ...overrides,
    },
  };
}

describe("nextStatusRead", () => {
  it("backs off while the execution runs", () => {
    const delays = [1, 2, 3, 4, 5, 6].map((count) =>
      nextStatusRead(
        state({ data: running, status: "success", dataUpdateCount: count }),
      ),
    );
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 15_000, 15_000]);
  });

  it("stops once the execution finished", () => {
    const finished = { ...running, status: "completed", finished: true };
    const next = state({
      data: finished,
      status: "success",
      dataUpdateCount: 3,
    });
    expect(nextStatusRead(next)).toBe(false);
  });

  it("stops when the status is unavailable", () => {
    const unavailable: ExecutionStatusResult = {
      available: false,
      reason: "Status unavailable for this key.",
    };
    const next = state({
      data: unavailable,
      status: "success",
      dataUpdateCount: 1,
    });
    expect(nextStatusRead(next)).toBe(false);
  });

  it("stops after a failed read", () => {
    const failed = state({
      data: running,
      status: "error",
      error: new Error("Heron is limiting requests."),
      dataUpdateCount: 2,
    });
    expect(nextStatusRead(failed)).toBe(false);
  });

  it("waits for the first read", () => {
    expect(nextStatusRead(state({}))).toBe(false);
  });
});
