// A JSON reader that checks the raw text before JSON.parse turns it into
// values. It reports where a syntax error is, and finds numbers that would
// change on the way: integers beyond Number.MAX_SAFE_INTEGER and numbers
// too large for a double.

/** Nesting deeper than this is rejected rather than risk the call stack. */
export const MAX_JSON_DEPTH = 256;

export interface UnsafeNumber {
  /** Object keys and array indexes from the top of the document. */
  path: string[];
  /** The number as written in the request. */
  literal: string;
}

export interface JsonSyntaxError {
  reason: string;
  /** Offset in UTF-16 code units from the start of the text. */
  position: number;
  line: number;
  column: number;
}

export type JsonScan =
  | { ok: true; unsafeNumbers: UnsafeNumber[] }
  | { ok: false; error: JsonSyntaxError };

class SyntaxFailure extends Error {
  constructor(
    readonly reason: string,
    readonly position: number,
  ) {
    super(reason);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ["true", "false", "null"];

/** Checks that `text` is one JSON value and lists its unsafe numbers. */
export function scanJson(text: string): JsonScan {
  const unsafeNumbers: UnsafeNumber[] = [];
  let position = 0;

  const fail = (reason: string, at = position): never => {
    throw new SyntaxFailure(reason, at);
  };

  const skipWhitespace = () => {
    while (
      " \t\n\r".includes(text.charAt(position)) &&
      position < text.length
    ) {
      position += 1;
    }
  };

  const readString = (): string => {
    const start = position;
    position += 1;
    while (position < text.length) {
      const code = text.charCodeAt(position);
      if (code === 0x22) break;
      if (code < 0x20) fail("a control character inside a string");
      position += code === 0x5c ? 2 : 1;
    }
    if (position >= text.length)
      fail("a string without its closing quote", start);
    position += 1;
    try {
      return JSON.parse(text.slice(start, position)) as string;
    } catch {
      return fail("an invalid escape sequence in a string", start);
    }
  };

  const readNumber = (path: string[]) => {
    NUMBER.lastIndex = position;
    const match = NUMBER.exec(text);
    if (!match) return fail("an invalid number");
    const literal = match[0];
    position += literal.length;
    const value = Number(literal);
    if (
      !Number.isFinite(value) ||
      (Number.isInteger(value) && !Number.isSafeInteger(value))
    ) {
      unsafeNumbers.push({ path, literal });
    }
  };

  const readValue = (path: string[]): void => {
    if (path.length > MAX_JSON_DEPTH) {
      fail(`nesting deeper than ${MAX_JSON_DEPTH} levels`);
    }
    skipWhitespace();
    const char = text.charAt(position);
    if (char === "{") return readObject(path);
    if (char === "[") return readArray(path);
    if (char === '"') {
      readString();
      return;
    }
    if (char === "-" || (char >= "0" && char <= "9")) return readNumber(path);
    const literal = LITERALS.find((word) => text.startsWith(word, position));
    if (literal) {
      position += literal.length;
      return;
    }
    fail(
      char === ""
        ? "the end of the text where a value was expected"
        : `an unexpected character ${JSON.stringify(char)}`,
    );
  };

  const readObject = (path: string[]) => {
    position += 1;
    skipWhitespace();
    if (text.charAt(position) === "}") {
      position += 1;
      return;
    }
    for (;;) {
      skipWhitespace();
      if (text.charAt(position) !== '"')
        fail("a missing property name in double quotes");
      const key = readString();
      skipWhitespace();
      if (text.charAt(position) !== ":")
        fail('a missing ":" after a property name');
      position += 1;
      readValue([...path, key]);
      skipWhitespace();
      const next = text.charAt(position);
      position += 1;
      if (next === "}") return;
      if (next !== ",")
        fail('a missing "," or "}" after a property value', position - 1);
    }
  };

  const readArray = (path: string[]) => {
    position += 1;
    skipWhitespace();
    if (text.charAt(position) === "]") {
      position += 1;
      return;
    }
    for (let index = 0; ; index += 1) {
      readValue([...path, String(index)]);
      skipWhitespace();
      const next = text.charAt(position);
      position += 1;
      if (next === "]") return;
      if (next !== ",")
        fail('a missing "," or "]" after an array item', position - 1);
    }
  };

  try {
    readValue([]);
    skipWhitespace();
    if (position < text.length) fail("more text after the JSON value");
    return { ok: true, unsafeNumbers };
  } catch (error) {
    if (!(error instanceof SyntaxFailure)) throw error;
    return { ok: false, error: locate(text, error.reason, error.position) };
  }
}

function locate(
  text: string,
  reason: string,
  position: number,
): JsonSyntaxError {
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const column = position - before.lastIndexOf("\n");
  return { reason, position, line, column };
}
