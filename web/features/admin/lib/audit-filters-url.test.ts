import { describe, expect, it } from "vitest";
import { readAuditFilters, writeAuditFilters } from "./audit-filters-url";

describe("readAuditFilters", () => {
  it("reads kind and account", () => {
    expect(
      readAuditFilters("?view=admin&audit_kind=sign_in&audit_account=usr_1"),
    ).toEqual({ kind: "sign_in", accountId: "usr_1" });
  });

  it("reads an unknown kind as no filter", () => {
    expect(readAuditFilters("?audit_kind=coffee").kind).toBeNull();
  });

  it("reads a blank account as no filter", () => {
    expect(readAuditFilters("?audit_account=%20").accountId).toBeNull();
  });
});

describe("writeAuditFilters", () => {
  it("keeps the other parameters", () => {
    expect(
      writeAuditFilters("?view=admin", {
        kind: "user_created",
        accountId: null,
      }),
    ).toBe("?view=admin&audit_kind=user_created");
  });

  it("removes cleared filters", () => {
    expect(
      writeAuditFilters("?audit_kind=sign_in&audit_account=usr_1", {
        kind: null,
        accountId: null,
      }),
    ).toBe("");
  });

  it("reads back what it wrote", () => {
    const filters = { kind: "sign_out" as const, accountId: "usr_2" };

    expect(readAuditFilters(writeAuditFilters("", filters))).toEqual(filters);
  });
});
