import { describe, expect, it } from "vitest";
import { ApiError } from "../../../lib/api-error";
import { describeStartFailure } from "./start-failure";

const now = new Date("2026-12-04T15:00:00Z");

describe("describeStartFailure", () => {
  it("places Heron's field errors", () => {
    const error = new ApiError({
      status: 422,
      code: "heron_rejected",
      message: "Heron rejected the parameters.",
      fields: {
        "workflow_parameters.email": ["Not a valid email."],
        trigger_id: ["Unknown trigger."],
      },
    });
    const failure = describeStartFailure(error, now);
    expect(failure.byField).toEqual({
      parameters_text: "email: Not a valid email.",
    });
    expect(failure.unplaced).toEqual(["trigger_id: Unknown trigger."]);
    expect(failure.retry).toBeNull();
  });

  it("computes when to retry after a 429", () => {
    const error = new ApiError({
      status: 429,
      code: "heron_rate_limited",
      message: "Heron is limiting requests.",
      retryAfterSeconds: 30,
    });
    const failure = describeStartFailure(error, now);
    expect(failure.retry?.afterSeconds).toBe(30);
    expect(failure.retry?.at.toISOString()).toBe("2026-12-04T15:00:30.000Z");
  });

  it("handles errors that are not ApiError", () => {
    expect(describeStartFailure(new Error("boom"), now)).toEqual({
      byField: {},
      unplaced: [],
      retry: null,
    });
  });
});
