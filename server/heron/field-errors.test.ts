import { describe, expect, it } from "vitest";

import { flattenFieldErrors } from "./field-errors.js";

describe("flattenFieldErrors", () => {
  it("drops the location level and joins keys", () => {
    const result = flattenFieldErrors({
      json: {
        workflow_name: ["Missing data for required field."],
        workflow_parameters: { amount: ["Not a valid integer."] },
      },
    });

    expect(result.fields).toEqual({
      workflow_name: ["Missing data for required field."],
      "workflow_parameters.amount": ["Not a valid integer."],
    });
    expect(result.general).toEqual([]);
  });

  it("treats _schema as the field that contains it", () => {
    const result = flattenFieldErrors({
      json: {
        workflow_parameters: { _schema: ["Invalid input type."] },
        _schema: ["Unknown field."],
      },
    });

    expect(result.fields).toEqual({
      workflow_parameters: ["Invalid input type."],
    });
    expect(result.general).toEqual(["Unknown field."]);
  });

  it("numbers list items", () => {
    const result = flattenFieldErrors({
      json: { items: { 0: { name: ["Required."] } } },
    });

    expect(result.fields).toEqual({ "items.0.name": ["Required."] });
  });

  it("keeps a key that is not a location", () => {
    const result = flattenFieldErrors({ trigger_id: ["Invalid trigger."] });

    expect(result.fields).toEqual({ trigger_id: ["Invalid trigger."] });
  });

  it("returns a string description as a general message", () => {
    const result = flattenFieldErrors("Invalid trigger_payload");

    expect(result.fields).toEqual({});
    expect(result.general).toEqual(["Invalid trigger_payload"]);
  });
});
