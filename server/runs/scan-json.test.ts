import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { MAX_JSON_DEPTH, scanJson } from "./scan-json.js";

function syntaxErrorOf(text: string) {
  const scan = scanJson(text);
  if (scan.ok) throw new Error(`scanJson accepted ${text}`);
  return scan.error;
}

function unsafeOf(text: string) {
  const scan = scanJson(text);
  if (!scan.ok)
    throw new Error(`scanJson rejected ${text}: ${scan.error.reason}`);
  return scan.unsafeNumbers;
}

describe("scanJson syntax", () => {
  it("accepts every JSON.stringify output", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(scanJson(JSON.stringify(value)).ok).toBe(true);
        expect(scanJson(JSON.stringify(value, null, 2)).ok).toBe(true);
      }),
    );
  });

  it("rejects what JSON.parse rejects", () => {
    const jsonCharacters = fc.constantFrom(
      ...'{}[],:"\\ -+.0123456789eEtrufalsn\n\tu00e9',
    );
    const jsonLike = fc.oneof(
      fc.string(),
      fc.string({ unit: jsonCharacters, maxLength: 30 }),
    );
    fc.assert(
      fc.property(jsonLike, (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(scanJson(text).ok).toBe(parses);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ["", "the end of the text", 0],
    ['{"a": x}', 'an unexpected character "x"', 6],
    ['{"a": 1,}', "a missing property name", 8],
    ['{"a" 1}', 'a missing ":"', 5],
    ['{"a": 1', 'a missing "," or "}"', 7],
    ["[1 2]", 'a missing "," or "]"', 3],
    ['"abc', "a string without its closing quote", 0],
    ['"\\q"', "an invalid escape sequence", 0],
    ["[1] 2", "more text after the JSON value", 4],
    ["01", "more text after the JSON value", 1],
  ])("locates the error in %j", (text, reason, position) => {
    const error = syntaxErrorOf(text);

    expect(error.reason).toContain(reason);
    expect(error.position).toBe(position);
  });

  it("counts lines and columns", () => {
    const error = syntaxErrorOf('{\n  "a": 1,\n  "b": ?\n}');

    expect(error.line).toBe(3);
    expect(error.column).toBe(8);
  });

  it("rejects nesting beyond the limit", () => {
    const deep =
      "[".repeat(MAX_JSON_DEPTH + 2) + "]".repeat(MAX_JSON_DEPTH + 2);

    expect(syntaxErrorOf(deep).reason).toContain("nesting deeper");
    expect(scanJson("[".repeat(100) + "]".repeat(100)).ok).toBe(true);
  });
});

describe("scanJson numbers", () => {
  it("finds integers beyond the safe range with their paths", () => {
    const unsafe = unsafeOf(
      '{"a": 12345678901234567890, "b": [1, {"c": -9007199254740993}]}',
    );

    expect(unsafe).toEqual([
      { path: ["a"], literal: "12345678901234567890" },
      { path: ["b", "1", "c"], literal: "-9007199254740993" },
    ]);
  });

  it.each([
    ["the largest safe integer", "9007199254740991", false],
    ["a decimal", "0.1", false],
    ["a small exponent", "1.5e3", false],
    ["an overflowing exponent", "1e400", true],
    ["an integer-valued exponent", "1.2345678901234567e30", true],
    ["a long decimal beyond the range", "12345678901234567890.5", true],
  ])("judges %s", (_name, literal, unsafe) => {
    expect(unsafeOf(`{"n": ${literal}}`).length > 0).toBe(unsafe);
  });

  it("uses decoded keys in paths", () => {
    const [unsafe] = unsafeOf('{"\\u00e9t\\u00e9": 99999999999999999}');

    expect(unsafe?.path).toEqual(["été"]);
  });
});
