import { describe, expect, it } from "vitest";

import type { Role } from "../../contract/auth.js";
import { roleFromClaims } from "./role-from-claims.js";

const ROLE_MAP: Record<string, Role> = {
  "heron-console-admins": "admin",
  "heron-console-operators": "operator",
  "heron-console-viewers": "viewer",
};

describe("roleFromClaims", () => {
  it("picks the highest mapped role", () => {
    const claims = {
      groups: ["heron-console-viewers", "heron-console-admins", "staff"],
    };
    expect(roleFromClaims(claims, "groups", ROLE_MAP)).toBe("admin");
  });

  it("ignores the order of groups", () => {
    const claims = {
      groups: ["heron-console-operators", "heron-console-viewers"],
    };
    expect(roleFromClaims(claims, "groups", ROLE_MAP)).toBe("operator");
  });

  it("returns null without a mapped group", () => {
    expect(roleFromClaims({ groups: ["staff"] }, "groups", ROLE_MAP)).toBe(
      null,
    );
    expect(roleFromClaims({ groups: [] }, "groups", ROLE_MAP)).toBe(null);
    expect(roleFromClaims({}, "groups", ROLE_MAP)).toBe(null);
  });

  it("accepts a single group as text", () => {
    const claims = { role: "heron-console-viewers" };
    expect(roleFromClaims(claims, "role", ROLE_MAP)).toBe("viewer");
  });

  it("skips values that are not text", () => {
    const claims = { groups: [7, null, { name: "heron-console-admins" }] };
    expect(roleFromClaims(claims, "groups", ROLE_MAP)).toBe(null);
    expect(roleFromClaims({ groups: 1 }, "groups", ROLE_MAP)).toBe(null);
  });

  it("reads a nested claim by dotted path", () => {
    const claims = { realm_access: { roles: ["heron-console-operators"] } };
    expect(roleFromClaims(claims, "realm_access.roles", ROLE_MAP)).toBe(
      "operator",
    );
  });

  it("prefers a claim whose whole name has dots", () => {
    const claims = {
      "https://example.test/groups": ["heron-console-admins"],
      https: { "//example": "ignored" },
    };
    expect(
      roleFromClaims(claims, "https://example.test/groups", ROLE_MAP),
    ).toBe("admin");
  });

  it("ignores inherited property names", () => {
    const claims = { groups: ["toString", "constructor", "__proto__"] };
    expect(roleFromClaims(claims, "groups", ROLE_MAP)).toBe(null);
    expect(roleFromClaims({}, "constructor.name", ROLE_MAP)).toBe(null);
  });
});
