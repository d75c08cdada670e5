import { describe, expect, it } from "vitest";

import { describeHeronError } from "./describe-error.js";
import { HeronError } from "./heron-error.js";

function rejectedStart(description: unknown): HeronError {
  return new HeronError("Heron responded 422", {
    kind: "http",
    operation: "start_by_name",
    requestSent: true,
    status: 422,
    envelope: { code: 422, description, name: "Unprocessable Entity" },
  });
}

describe("describeHeronError on a 422 start", () => {
  it("names each marked field and its message", () => {
    const description = describeHeronError(
      rejectedStart({
        json: {
          workflow_parameters: { amount: ["Not a valid integer."] },
          end_user_heron_id: ["Missing data for required field."],
        },
      }),
    );

    expect(description.status).toBe(422);
    expect(description.message).toBe(
      "Heron rejected the workflow start with HTTP 422. Heron marked " +
        "workflow_parameters.amount (Not a valid integer), " +
        "end_user_heron_id (Missing data for required field). Correct " +
        "them and try again.",
    );
    expect(description.fields).toEqual({
      "workflow_parameters.amount": ["Not a valid integer."],
      end_user_heron_id: ["Missing data for required field."],
    });
  });

  it("says it for one marked field", () => {
    const { message } = describeHeronError(
      rejectedStart({
        json: { workflow_parameters: { email: ["Missing data."] } },
      }),
    );

    expect(message).toContain(
      "Heron marked workflow_parameters.email (Missing data). Correct it and try again.",
    );
  });

  it("counts fields past the fifth", () => {
    const json = Object.fromEntries(
      ["a", "b", "c", "d", "e", "f", "g"].map((name) => [name, ["Invalid."]]),
    );
    const { message } = describeHeronError(rejectedStart({ json }));

    expect(message).toContain("e (Invalid) and 2 more.");
    expect(message).not.toContain("f (Invalid)");
  });

  it("asks to check the input without fields", () => {
    const { message } = describeHeronError(rejectedStart("Bad input."));

    expect(message).toBe(
      "Heron rejected the workflow start with HTTP 422: Bad input. Check " +
        "the input and try again.",
    );
  });
});
