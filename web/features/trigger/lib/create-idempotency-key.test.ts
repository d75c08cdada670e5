import { afterEach, describe, expect, it, vi } from "vitest";
import { createIdempotencyKey } from "./create-idempotency-key";

const UUID_V4 =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("createIdempotencyKey", () => {
  it("returns a version 4 UUID", () => {
    expect(createIdempotencyKey()).toMatch(UUID_V4);
  });

  it("works without crypto.randomUUID", () => {
    vi.stubGlobal("crypto", {
      getRandomValues: (bytes: Uint8Array) => bytes.fill(0xff),
    });
    expect(createIdempotencyKey()).toBe("ffffffff-ffff-4fff-bfff-ffffffffffff");
  });

  it("differs between calls", () => {
    expect(createIdempotencyKey()).not.toBe(createIdempotencyKey());
  });
});
