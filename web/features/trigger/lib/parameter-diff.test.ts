import { describe, expect, it } from "vitest";
import { describeParameterChange, diffParameters } from "./parameter-diff";

describe("diffParameters", () => {
  it("finds no change in equal objects", () => {
    expect(
      diffParameters({ a: 1, b: { x: 1 } }, { a: 1, b: { x: 1 } }),
    ).toEqual([]);
  });

  it("ignores nested key order", () => {
    expect(
      diffParameters({ a: { x: 1, y: 2 } }, { a: { y: 2, x: 1 } }),
    ).toEqual([]);
  });

  it("lists added, removed and changed keys", () => {
    expect(diffParameters({ a: 1, b: "x" }, { a: 2, c: [1] })).toEqual([
      { kind: "changed", key: "a", before: 1, after: 2 },
      { kind: "removed", key: "b", before: "x" },
      { kind: "added", key: "c", after: [1] },
    ]);
  });

  it("tells null from a missing key", () => {
    expect(diffParameters({ a: null }, {})).toEqual([
      { kind: "removed", key: "a", before: null },
    ]);
  });

  it("counts a type change as a change", () => {
    expect(diffParameters({ a: 1 }, { a: "1" })).toEqual([
      { kind: "changed", key: "a", before: 1, after: "1" },
    ]);
  });

  it("sees array order as a change", () => {
    expect(diffParameters({ a: [1, 2] }, { a: [2, 1] })).toHaveLength(1);
  });
});

describe("describeParameterChange", () => {
  it("writes each kind as one line", () => {
    expect(
      describeParameterChange({ kind: "added", key: "c", after: [1] }),
    ).toBe('Added "c": [1]');
    expect(
      describeParameterChange({ kind: "removed", key: "b", before: "x" }),
    ).toBe('Removed "b" (was "x")');
    expect(
      describeParameterChange({
        kind: "changed",
        key: "a",
        before: 1,
        after: { z: true },
      }),
    ).toBe('Changed "a": 1 → {"z":true}');
  });
});
