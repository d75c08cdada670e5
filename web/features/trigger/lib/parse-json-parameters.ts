import { scanJson, type JsonScan, type NumberToken } from "./json-syntax";
import { toLineColumn } from "./text-position";

/** A problem in the parameters text, placed for the message and the editor. */
export interface ParametersProblem {
  /** Full message, as "Line 3, column 5: Expected ',' or '}'". */
  message: string;
  line: number;
  column: number;
  /** Character range the editor underlines. */
  from: number;
  to: number;
}

export type ParametersParseResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; problem: ParametersProblem };

export const NOT_AN_OBJECT_MESSAGE =
  'Parameters must be a JSON object, such as {} or {"key": "value"}';

/**
 * Parses the parameters editor's text. Only a JSON object is accepted,
 * because Heron takes workflow_parameters as an object. Numbers that
 * JSON.parse would change are rejected, as the console server rejects them.
 */
export function parseJsonParameters(text: string): ParametersParseResult {
  if (text.trim() === "") {
    return failure(
      text,
      0,
      "Parameters are empty. Enter a JSON object, or {} for none",
    );
  }

  const scan = safeScan(text);
  let value: unknown;

  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: describeSyntaxError(text, scan, error) };
  }

  if (scan?.problem) {
    return failure(text, scan.problem.offset, scan.problem.detail);
  }

  if (!isPlainObject(value)) {
    const start = text.length - text.trimStart().length;
    const detail = `${NOT_AN_OBJECT_MESSAGE}, not ${describeKind(value)}`;
    return failure(text, start, detail, text.trimEnd().length);
  }

  const unsafe = scan?.unsafeNumbers[0];
  if (unsafe) return { ok: false, problem: unsafeNumberProblem(text, unsafe) };

  return { ok: true, value };
}

function describeSyntaxError(
  text: string,
  scan: JsonScan | null,
  error: unknown,
): ParametersProblem {
  if (scan?.problem) {
    return problemAt(text, scan.problem.offset, scan.problem.detail);
  }

  // The scanner found nothing although the engine did, so the engine's own
  // wording is shown, placed at the start.
  const detail = error instanceof Error ? error.message : String(error);
  return problemAt(text, 0, detail);
}

function unsafeNumberProblem(
  text: string,
  token: NumberToken,
): ParametersProblem {
  const arrives = JSON.stringify(Number(token.text));
  const detail = `The number ${token.text} is too large for a JSON number, so it would arrive as ${arrives}. Send it as a string, such as "${token.text}"`;
  return problemAt(text, token.from, detail, token.to);
}

function safeScan(text: string): JsonScan | null {
  try {
    return scanJson(text);
  } catch {
    // A scanner bug must not block the form: JSON.parse still decides.
    return null;
  }
}

function failure(
  text: string,
  from: number,
  detail: string,
  to?: number,
): ParametersParseResult {
  return { ok: false, problem: problemAt(text, from, detail, to) };
}

function problemAt(
  text: string,
  from: number,
  detail: string,
  to?: number,
): ParametersProblem {
  const { line, column } = toLineColumn(text, from);
  const end = to ?? Math.min(from + 1, text.length);

  return {
    message: `Line ${line}, column ${column}: ${detail}`,
    line,
    column,
    from,
    to: Math.max(end, from),
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describeKind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return "a string";
  if (typeof value === "number") return "a number";
  return String(value);
}
