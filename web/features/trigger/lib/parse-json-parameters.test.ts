import { describe, expect, it } from "vitest";
import { parseJsonParameters } from "./parse-json-parameters";

function problemOf(text: string) {
  const result = parseJsonParameters(text);
  if (result.ok) throw new Error(`expected "${text}" to be rejected`);
  return result.problem;
}

describe("parseJsonParameters", () => {
  it("accepts an empty object", () => {
    const result = parseJsonParameters("{}");
    expect(result).toEqual({ ok: true, value: {} });
  });

  it("accepts nested objects", () => {
    const result = parseJsonParameters(
      '{\n  "a": {"b": [1, 2.5, -3e2]},\n  "c": null\n}',
    );
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.value).toEqual({ a: { b: [1, 2.5, -300] }, c: null });
  });

  it("places a missing comma by line and column", () => {
    const problem = problemOf('{\n  "a": 1\n  "b": 2\n}');
    expect(problem.line).toBe(3);
    expect(problem.column).toBe(3);
    expect(problem.message).toBe("Line 3, column 3: Expected ',' or '}'");
  });

  it("places the offset of the bad character", () => {
    const text = '{"a": 1 "b": 2}';
    const problem = problemOf(text);
    expect(problem.from).toBe(text.indexOf('"b"'));
    expect(problem.to).toBe(problem.from + 1);
  });

  it("reports a repeated property name", () => {
    const problem = problemOf('{\n  "a": 1,\n  "a": 2\n}');
    expect(problem.line).toBe(3);
    expect(problem.column).toBe(3);
    expect(problem.message).toContain('Property "a" appears twice');
  });

  it("allows one name in sibling objects", () => {
    const result = parseJsonParameters('{"x": {"a": 1}, "y": {"a": 2}}');
    expect(result.ok).toBe(true);
  });

  it("reports a __proto__ property", () => {
    const problem = problemOf('{"__proto__": {"admin": true}, "a": 1}');
    expect(problem.column).toBe(2);
    expect(problem.message).toContain('"__proto__" is not allowed');
  });

  it("reports a trailing comma", () => {
    const problem = problemOf('{\n  "a": 1,\n}');
    expect(problem.line).toBe(3);
    expect(problem.column).toBe(1);
    expect(problem.message).toContain("no trailing comma");
  });

  it("reports an unterminated string at its start", () => {
    const problem = problemOf('{"a": "abc');
    expect(problem.column).toBe(7);
    expect(problem.message).toContain("Unterminated string");
  });

  it("reports single quotes", () => {
    expect(problemOf("{'a': 1}").message).toBe(
      "Line 1, column 2: Expected a property name in double quotes",
    );
    expect(problemOf("{\"a\": 'x'}").message).toContain("double quotes");
  });

  it("reports unexpected end of input", () => {
    const problem = problemOf('{"a": ');
    expect(problem.column).toBe(7);
    expect(problem.message).toContain("Unexpected end of input");
  });

  it("reports a raw line break inside a string", () => {
    const problem = problemOf('{"a": "x\ny"}');
    expect(problem.line).toBe(1);
    expect(problem.column).toBe(9);
    expect(problem.message).toContain("must be escaped");
  });

  it("reports text after the object", () => {
    expect(problemOf("{} {}").message).toBe(
      "Line 1, column 4: Unexpected text after the end of the JSON value",
    );
  });

  it.each([
    ["[]", "an array"],
    ['"text"', "a string"],
    ["42", "a number"],
    ["null", "null"],
    ["true", "true"],
  ])("rejects %s as not an object", (text, kind) => {
    const problem = problemOf(text);
    expect(problem.message).toContain("Parameters must be a JSON object");
    expect(problem.message).toContain(`not ${kind}`);
  });

  it("rejects empty text", () => {
    expect(problemOf("  \n ").message).toContain("Parameters are empty");
  });

  it("rejects integers that would be rounded", () => {
    const problem = problemOf('{\n  "id": 12345678901234567890\n}');
    expect(problem.line).toBe(2);
    expect(problem.column).toBe(9);
    expect(problem.to - problem.from).toBe(20);
    expect(problem.message).toContain("too large for a JSON number");
    expect(problem.message).toContain("12345678901234567000");
    expect(problem.message).toContain('"12345678901234567890"');
  });

  it("rejects numbers beyond a double", () => {
    expect(problemOf('{"a": 1e400}').message).toContain("arrive as null");
    expect(problemOf('{"a": 1e20}').message).toContain("too large");
  });

  it("accepts safe integers and decimals", () => {
    const result = parseJsonParameters(
      '{"a": 9007199254740991, "b": 1.5e-300, "c": -0.25}',
    );
    expect(result.ok).toBe(true);
  });

  it("rejects nesting deeper than the server allows", () => {
    const deep = "[".repeat(300) + "]".repeat(300);
    expect(problemOf(`{"a": ${deep}}`).message).toContain("Nesting deeper");
  });

  it("survives nesting too deep for the scanner", () => {
    const deep = "[".repeat(200_000);
    expect(problemOf(deep).line).toBe(1);
  });
});
