import { scanJson, type NumberToken } from "./json-syntax";
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
  | {
      ok: true;
      value: Record<string, unknown>;
      /** Integers that JSON.parse rounds, so the request would differ. */
      warnings: ParametersProblem[];
    }
  | { ok: false; problem: ParametersProblem };

export const NOT_AN_OBJECT_MESSAGE =
  'Parameters must be a JSON object, such as {} or {"key": "value"}';

/**
 * Parses the parameters editor's text. Only a JSON object is accepted,
 * because Heron takes workflow_parameters as an object.
 */
export function parseJsonParameters(text: string): ParametersParseResult {
  if (text.trim() === "") {
    return failure(text, 0, "Parameters are empty. Enter a JSON object, or {} for none");
  }

  let value: unknown;

  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: describeSyntaxError(text, error) };
  }

  if (!isPlainObject(value)) {
    const start = text.length - text.trimStart().length;
    return failure(text, start, `${NOT_AN_OBJECT_MESSAGE}, not ${describeKind(value)}`, text.trimEnd().length);
  }

  return { ok: true, value, warnings: largeIntegerWarnings(text) };
}

function describeSyntaxError(text: string, error: unknown): ParametersProblem {
  const scan = safeScan(text);

  if (scan?.problem) {
    return problemAt(text, scan.problem.offset, scan.problem.detail);
  }

  // The scanner and the engine disagree, or the scanner ran out of stack on
  // deep nesting: fall back to the engine's own wording, placed at the start.
  const detail = error instanceof Error ? error.message : String(error);
  return problemAt(text, 0, detail);
}

function largeIntegerWarnings(text: string): ParametersProblem[] {
  const tokens = safeScan(text)?.largeIntegers ?? [];
  return tokens.map((token) => largeIntegerWarning(text, token));
}

function largeIntegerWarning(text: string, token: NumberToken): ParametersProblem {
  const sent = String(Number(token.text));
  const detail = `${token.text} is too large to send exactly; it would be sent as ${sent}. Put it in double quotes if Heron expects it as a string`;
  return problemAt(text, token.from, detail, token.to);
}

function safeScan(text: string) {
  try {
    return scanJson(text);
  } catch {
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
  return `${String(value)}`;
}
