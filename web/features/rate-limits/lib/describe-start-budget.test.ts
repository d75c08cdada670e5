import { describe, expect, it } from "vitest";
import type { HeronRateLimit } from "../../../../server/contract/heron-data";
import { describeStartBudget } from "./describe-start-budget";

const now = Date.parse("2026-12-04T15:00:00.000Z");
const timeOfDay = (iso: string) => iso.slice(11, 19);

function window(overrides: Partial<HeronRateLimit>): HeronRateLimit {
  return {
    operation: "start_by_name",
    limit: 100,
    remaining: 97,
    reset_at: "2026-12-04T15:00:42.000Z",
    observed_at: "2026-12-04T14:59:50.000Z",
    ...overrides,
  };
}

describe("describeStartBudget", () => {
  it("states the remaining starts and the reset", () => {
    const budget = describeStartBudget(window({}), now, timeOfDay);
    expect(budget?.tone).toBe("info");
    expect(budget?.text).toBe(
      "Heron allows 97 more starts until 15:00:42, when its rate-limit window resets.",
    );
  });

  it("uses the singular for one start", () => {
    const budget = describeStartBudget(
      window({ remaining: 1 }),
      now,
      timeOfDay,
    );
    expect(budget?.text).toContain("allows 1 more start until");
  });

  it("warns when no start is left", () => {
    const budget = describeStartBudget(
      window({ remaining: 0 }),
      now,
      timeOfDay,
    );
    expect(budget?.tone).toBe("exhausted");
    expect(budget?.text).toContain("no more starts until 15:00:42");
    expect(budget?.text).toContain("will be rejected");
  });

  it("falls back to the limit after the reset", () => {
    const passed = window({
      remaining: 0,
      reset_at: "2026-12-04T14:59:59.000Z",
    });
    const budget = describeStartBudget(passed, now, timeOfDay);
    expect(budget?.tone).toBe("info");
    expect(budget?.text).toContain("allows up to 100 starts again");
  });

  it("names the time of a count without a reset", () => {
    const budget = describeStartBudget(
      window({ reset_at: null }),
      now,
      timeOfDay,
    );
    expect(budget?.text).toBe(
      "Heron allowed 97 more starts at 14:59:50 and gave no reset time.",
    );
  });

  it("returns null when Heron reported no count", () => {
    expect(describeStartBudget(undefined, now, timeOfDay)).toBeNull();
    const noCount = window({ remaining: null });
    expect(describeStartBudget(noCount, now, timeOfDay)).toBeNull();
  });

  it("returns null after the reset without a limit", () => {
    const passed = window({
      limit: null,
      reset_at: "2026-12-04T14:00:00.000Z",
    });
    expect(describeStartBudget(passed, now, timeOfDay)).toBeNull();
  });
});
