import { describe, expect, it } from "vitest";
import type { StaffList } from "../../../../server/contract/auth";
import { isUnlistedStarter, startedByOptions } from "./started-by-options";

const STAFF: StaffList = {
  staff: [{ id: "usr_ada", display_name: "Ada", email: "ada@example.com" }],
};

describe("startedByOptions", () => {
  it("labels staff by name and email", () => {
    expect(startedByOptions(STAFF, "usr_ada")).toEqual([
      { value: "usr_ada", label: "Ada (ada@example.com)" },
    ]);
  });

  it("names an id the list lacks", () => {
    const options = startedByOptions(STAFF, "usr_new");

    expect(options).toHaveLength(2);
    expect(options[1]).toEqual({
      value: "usr_new",
      label: "No runs by this account (usr_new)",
    });
    expect(isUnlistedStarter(STAFF, "usr_new")).toBe(true);
  });

  it("shows the bare id until the list loads", () => {
    expect(startedByOptions(undefined, "usr_new")).toEqual([
      { value: "usr_new", label: "usr_new" },
    ]);
    expect(isUnlistedStarter(undefined, "usr_new")).toBe(false);
  });

  it("adds nothing without a selection", () => {
    expect(startedByOptions(STAFF, "")).toHaveLength(1);
    expect(isUnlistedStarter(STAFF, "")).toBe(false);
  });
});
