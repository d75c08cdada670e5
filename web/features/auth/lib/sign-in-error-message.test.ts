import { describe, expect, it } from "vitest";
import { describeSignInError } from "./sign-in-error-message";

describe("describeSignInError", () => {
  it("explains a known code", () => {
    expect(describeSignInError("no_role")).toContain("has no console role");
  });

  it("names an unknown code", () => {
    const message = describeSignInError("something_new");
    expect(message).toContain("(something_new)");
    expect(message).toContain("Try again");
  });

  it("does not read inherited keys", () => {
    expect(describeSignInError("toString")).toContain("(toString)");
  });
});
