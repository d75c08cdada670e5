import { describe, expect, it } from "vitest";

import { PENDING_SIGN_IN_TTL_MS, PendingSignIns } from "./pending-sign-ins.js";

const SIGN_IN = { nonce: "nonce-1", codeVerifier: "verifier-1" };

function clock(start = 1_000_000) {
  const time = { now: start };
  return { time, now: () => time.now };
}

describe("PendingSignIns", () => {
  it("returns an attempt to its own browser", () => {
    const pending = new PendingSignIns();
    const binding = PendingSignIns.newBinding();
    pending.add("state-1", binding, SIGN_IN);

    expect(pending.take("state-1", binding)).toEqual(SIGN_IN);
  });

  it("returns each attempt only once", () => {
    const pending = new PendingSignIns();
    const binding = PendingSignIns.newBinding();
    pending.add("state-1", binding, SIGN_IN);

    expect(pending.take("state-1", binding)).not.toBeNull();
    expect(pending.take("state-1", binding)).toBeNull();
  });

  it("rejects another browser and removes the attempt", () => {
    const pending = new PendingSignIns();
    const binding = PendingSignIns.newBinding();
    pending.add("state-1", binding, SIGN_IN);

    expect(pending.take("state-1", PendingSignIns.newBinding())).toBeNull();
    expect(pending.take("state-1", binding)).toBeNull();
  });

  it("rejects a browser without a binding", () => {
    const pending = new PendingSignIns();
    pending.add("state-1", PendingSignIns.newBinding(), SIGN_IN);

    expect(pending.take("state-1", undefined)).toBeNull();
  });

  it("rejects an unknown state", () => {
    const pending = new PendingSignIns();
    const binding = PendingSignIns.newBinding();
    pending.add("state-1", binding, SIGN_IN);

    expect(pending.take("state-2", binding)).toBeNull();
    expect(pending.take("state-1", binding)).toEqual(SIGN_IN);
  });

  it("rejects an attempt after ten minutes", () => {
    const { time, now } = clock();
    const pending = new PendingSignIns(now);
    const binding = PendingSignIns.newBinding();
    pending.add("early", binding, SIGN_IN);
    pending.add("late", binding, SIGN_IN);

    time.now += PENDING_SIGN_IN_TTL_MS - 1;
    expect(pending.take("early", binding)).toEqual(SIGN_IN);
    time.now += 1;
    expect(pending.take("late", binding)).toBeNull();
  });

  it("keeps attempts of several tabs", () => {
    const pending = new PendingSignIns();
    const binding = PendingSignIns.newBinding();
    pending.add("tab-1", binding, { nonce: "n1", codeVerifier: "v1" });
    pending.add("tab-2", binding, { nonce: "n2", codeVerifier: "v2" });

    expect(pending.take("tab-2", binding)?.nonce).toBe("n2");
    expect(pending.take("tab-1", binding)?.nonce).toBe("n1");
  });

  it("drops expired attempts when adding", () => {
    const { time, now } = clock();
    const pending = new PendingSignIns(now);
    const binding = PendingSignIns.newBinding();
    pending.add("old", binding, SIGN_IN);
    time.now += PENDING_SIGN_IN_TTL_MS;
    pending.add("new", binding, SIGN_IN);

    expect(pending.size).toBe(1);
  });

  it("drops the oldest attempt when full", () => {
    const pending = new PendingSignIns();
    const binding = PendingSignIns.newBinding();
    for (let index = 0; index <= 10_000; index += 1) {
      pending.add(`state-${index}`, binding, SIGN_IN);
    }

    expect(pending.size).toBe(10_000);
    expect(pending.take("state-0", binding)).toBeNull();
    expect(pending.take("state-10000", binding)).toEqual(SIGN_IN);
  });
});
