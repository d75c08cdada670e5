import { describe, expect, it } from "vitest";

import { readProfile } from "./read-profile.js";

const SETTINGS = {
  roleClaim: "groups",
  roleMap: { "heron-console-operators": "operator" as const },
};

const BASE_CLAIMS = {
  iss: "https://id.example.test",
  sub: "user-1",
  email: " Person@Example.test ",
  groups: ["heron-console-operators"],
};

describe("readProfile", () => {
  it("reads issuer, subject, email and role", () => {
    const profile = readProfile(BASE_CLAIMS, SETTINGS);

    expect(profile.issuer).toBe("https://id.example.test");
    expect(profile.subject).toBe("user-1");
    expect(profile.email).toBe("Person@Example.test");
    expect(profile.role).toBe("operator");
  });

  it.each([
    [true, true],
    [false, false],
    ["true", true],
    ["false", false],
    [undefined, null],
    ["yes", null],
  ])("reads email_verified %j as %j", (value, expected) => {
    const claims = { ...BASE_CLAIMS, email_verified: value };
    expect(readProfile(claims, SETTINGS).emailVerified).toBe(expected);
  });

  it("falls back from name to other claims", () => {
    const named = { ...BASE_CLAIMS, name: " Pat Person " };
    const username = { ...BASE_CLAIMS, name: "", preferred_username: "pat" };
    const noEmail = { iss: BASE_CLAIMS.iss, sub: "user-2" };

    expect(readProfile(named, SETTINGS).displayName).toBe("Pat Person");
    expect(readProfile(username, SETTINGS).displayName).toBe("pat");
    expect(readProfile(BASE_CLAIMS, SETTINGS).displayName).toBe(
      "Person@Example.test",
    );
    expect(readProfile(noEmail, SETTINGS).displayName).toBe("user-2");
  });

  it("cuts a long name to 200 characters", () => {
    const claims = { ...BASE_CLAIMS, name: "n".repeat(300) };
    expect(readProfile(claims, SETTINGS).displayName).toHaveLength(200);
  });

  it("reads a missing email as empty", () => {
    const claims = { ...BASE_CLAIMS, email: 42 };
    expect(readProfile(claims, SETTINGS).email).toBe("");
  });
});
