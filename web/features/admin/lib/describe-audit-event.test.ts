import { describe, expect, it } from "vitest";
import type { AuditEvent } from "../../../../server/contract/auth";
import { formatAuditActor, formatAuditDetail } from "./describe-audit-event";

function event(change: Partial<AuditEvent>): AuditEvent {
  return {
    id: "aud_01",
    at: "2026-12-04T10:00:00.000Z",
    kind: "user_changed",
    actor_user_id: null,
    actor_email: null,
    target_user_id: "usr_01",
    source_address: null,
    user_agent: null,
    detail: null,
    ...change,
  };
}

describe("formatAuditActor", () => {
  it("shows the signed-in actor's email", () => {
    expect(formatAuditActor(event({ actor_email: "ada@example.test" }))).toBe(
      "ada@example.test",
    );
  });

  it("names the command line and its user", () => {
    const fromShell = event({ detail: { via: "cli", os_user: "deploy" } });

    expect(formatAuditActor(fromShell)).toBe("Command line (deploy)");
  });

  it("names the command line without a user", () => {
    const fromShell = event({ detail: { via: "cli", os_user: null } });

    expect(formatAuditActor(fromShell)).toBe("Command line");
  });

  it("marks the email of a failed sign-in as typed", () => {
    const failed = event({
      kind: "sign_in_failed",
      actor_email: "op@example.test",
    });

    expect(formatAuditActor(failed)).toBe("op@example.test (typed at sign-in)");
  });

  it("names the first start for the first admin", () => {
    const created = event({
      kind: "user_created",
      detail: { method: "local", role: "admin", first_start: true },
    });

    expect(formatAuditActor(created)).toBe("Console first start");
  });

  it("returns null without an actor", () => {
    expect(formatAuditActor(event({ kind: "sign_in_failed" }))).toBeNull();
  });
});

describe("formatAuditDetail", () => {
  it("leaves out the command-line origin", () => {
    const fromShell = event({
      detail: { via: "cli", os_user: "deploy", before: { role: "viewer" } },
    });

    expect(formatAuditDetail(fromShell)).toBe('{"before":{"role":"viewer"}}');
  });

  it("returns empty text for an origin alone", () => {
    const fromShell = event({ detail: { via: "cli", os_user: "deploy" } });

    expect(formatAuditDetail(fromShell)).toBe("");
  });

  it("keeps the detail of a page event", () => {
    const failed = event({ detail: { reason: "unknown_account" } });

    expect(formatAuditDetail(failed)).toBe('{"reason":"unknown_account"}');
  });
});
