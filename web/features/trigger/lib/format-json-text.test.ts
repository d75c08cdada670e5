import { describe, expect, it } from "vitest";
import { formatJsonText } from "./format-json-text";

describe("formatJsonText", () => {
  it("indents objects and arrays with two spaces", () => {
    expect(formatJsonText('{"a":1,"b":[true,null],"c":{}}')).toBe(
      '{\n  "a": 1,\n  "b": [\n    true,\n    null\n  ],\n  "c": {}\n}',
    );
  });

  it("keeps large integers and strings exactly", () => {
    const text = '{"id":12345678901234567890,"s":"a, b: {c} \\" [d]"}';
    expect(formatJsonText(text)).toBe(
      '{\n  "id": 12345678901234567890,\n  "s": "a, b: {c} \\" [d]"\n}',
    );
  });

  it("keeps empty containers on one line", () => {
    expect(formatJsonText("{ }")).toBe("{}");
    expect(formatJsonText('{"a": [ ]}')).toBe('{\n  "a": []\n}');
  });

  it("returns null for invalid JSON", () => {
    expect(formatJsonText('{"a": 1,}')).toBeNull();
    expect(formatJsonText("")).toBeNull();
  });
});
