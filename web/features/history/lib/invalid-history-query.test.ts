import { describe, expect, it } from "vitest";
import { ApiError } from "../../../lib/api-error";
import {
  quoteRejectedValue,
  invalidHistoryValues,
} from "./invalid-history-query";

const FROM_REASON =
  "from must be an ISO 8601 UTC time, such as 2025-01-31T09:00:00Z.";

function validationError(fields: Record<string, string[]>) {
  return new ApiError({
    status: 400,
    code: "validation_failed",
    message: "The run list query has invalid values: from.",
    fields,
  });
}

describe("invalidHistoryValues", () => {
  it("pairs each reason with the value sent", () => {
    const error = validationError({ from: [FROM_REASON] });

    expect(
      invalidHistoryValues(error, { from: "notadate", limit: 20 }),
    ).toEqual([
      {
        name: "from",
        label: "From",
        value: "notadate",
        reasons: [FROM_REASON],
      },
    ]);
  });

  it("marks a parameter missing from the query", () => {
    const error = validationError({ request: ["Something is wrong."] });
    const [value] = invalidHistoryValues(error, { limit: 20 });

    expect(value?.label).toBe("request");
    expect(value?.value).toBeNull();
  });

  it("returns nothing for other failures", () => {
    const serverError = new ApiError({
      status: 500,
      code: "internal",
      message: "The console failed.",
    });

    expect(invalidHistoryValues(serverError, { q: "x" })).toEqual([]);
    expect(invalidHistoryValues(new Error("offline"), { q: "x" })).toEqual([]);
  });
});

describe("quoteRejectedValue", () => {
  it("quotes a short value whole", () => {
    expect(quoteRejectedValue("notadate")).toEqual({
      quoted: '"notadate"',
      characters: null,
    });
  });

  it("cuts a long value and gives its length", () => {
    expect(quoteRejectedValue("x".repeat(300))).toEqual({
      quoted: `"${"x".repeat(60)}…"`,
      characters: 300,
    });
  });
});
