import { describe, expect, it } from "vitest";
import { placeFieldErrors } from "./field-errors";

describe("placeFieldErrors", () => {
  it("places top-level request fields on their pickers", () => {
    const placed = placeFieldErrors({
      end_user_heron_id: ["End user not found."],
      workflow_name: ["Workflow not found."],
    });
    expect(placed.byField.end_user).toBe("End user not found.");
    expect(placed.byField.workflow).toBe("Workflow not found.");
    expect(placed.unplaced).toEqual([]);
  });

  it("prefixes parameter paths under the editor", () => {
    const placed = placeFieldErrors({
      "workflow_parameters.email": ["Not a valid email address."],
      "workflow_parameters.address.zip": ["Required."],
    });
    expect(placed.byField.parameters_text).toBe(
      "email: Not a valid email address. address.zip: Required.",
    );
  });

  it("shows whole-object messages without a prefix", () => {
    const placed = placeFieldErrors({
      workflow_parameters: ["Must be an object."],
      "workflow_parameters._schema": ["Unknown field amount."],
    });
    expect(placed.byField.parameters_text).toBe(
      "Must be an object. Unknown field amount.",
    );
  });

  it("keeps unknown paths for the result panel", () => {
    const placed = placeFieldErrors({
      trigger_id: ["Invalid trigger."],
      "end_user_heron_id.extra": ["Odd."],
    });
    expect(placed.byField).toEqual({});
    expect(placed.unplaced).toEqual([
      "trigger_id: Invalid trigger.",
      "end_user_heron_id.extra: Odd.",
    ]);
  });
});
