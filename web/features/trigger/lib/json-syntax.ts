/**
 * A JSON (RFC 8259) scanner that reports where text stops being valid JSON
 * and what was expected there. Browsers word and place JSON.parse errors
 * differently, and some give no position at all, so the editor uses this for
 * one message everywhere. It also records numbers that JSON.parse would
 * change, by the same rule as the console server.
 */

export interface SyntaxProblem {
  /** Offset of the first character that is not valid at this point. */
  offset: number;
  /** Description of the problem, as "Expected ',' or '}'". */
  detail: string;
}

export interface NumberToken {
  from: number;
  to: number;
  text: string;
}

export interface JsonScan {
  problem: SyntaxProblem | null;
  /**
   * Numbers that change on parsing: integers beyond ±(2^53 - 1), which
   * JSON.parse rounds, and numbers too large for a double.
   */
  unsafeNumbers: NumberToken[];
}

/** The console server rejects deeper nesting, and the scanner recurses per level. */
export const MAX_JSON_DEPTH = 256;

class ScanStop extends Error {
  constructor(readonly problem: SyntaxProblem) {
    super(problem.detail);
  }
}

const VALUE_EXPECTED =
  "Expected a value: a string, number, object, array, true, false or null";

export function scanJson(text: string): JsonScan {
  const scanner = new Scanner(text);

  try {
    scanner.document();
    return { problem: null, unsafeNumbers: scanner.unsafeNumbers };
  } catch (error) {
    if (error instanceof ScanStop) {
      return { problem: error.problem, unsafeNumbers: scanner.unsafeNumbers };
    }
    throw error;
  }
}

class Scanner {
  private pos = 0;
  private depth = 0;
  readonly unsafeNumbers: NumberToken[] = [];

  constructor(private readonly text: string) {}

  document() {
    this.skipWhitespace();
    this.value();
    this.skipWhitespace();

    if (this.pos < this.text.length) {
      this.fail("Unexpected text after the end of the JSON value");
    }
  }

  private value() {
    const char = this.peek();

    if (char === "{" || char === "[") {
      this.enter();
      if (char === "{") this.object();
      else this.array();
      this.depth--;
      return;
    }
    if (char === '"') return this.string();
    if (char === "-" || isDigit(char)) return this.number();
    if (char === "t") return this.literal("true");
    if (char === "f") return this.literal("false");
    if (char === "n") return this.literal("null");
    if (char === "'")
      this.fail("Strings must use double quotes, not single quotes");
    this.fail(VALUE_EXPECTED);
  }

  private object() {
    this.pos++;
    this.skipWhitespace();

    if (this.peek() === "}") {
      this.pos++;
      return;
    }

    const names = new Set<string>();
    for (;;) {
      if (this.peek() !== '"') {
        this.fail("Expected a property name in double quotes");
      }
      const nameStart = this.pos;
      this.string();
      this.checkPropertyName(names, nameStart);
      this.skipWhitespace();

      if (this.peek() !== ":")
        this.fail("Expected ':' after the property name");
      this.pos++;
      this.skipWhitespace();
      this.value();
      this.skipWhitespace();

      const next = this.peek();
      if (next === "}") {
        this.pos++;
        return;
      }
      if (next !== ",") this.fail("Expected ',' or '}'");
      this.pos++;
      this.skipWhitespace();

      if (this.peek() === "}") {
        this.fail(
          "Expected a property name after ','. JSON allows no trailing comma",
        );
      }
    }
  }

  /**
   * Rejects names that JSON.parse or the page would silently drop: a
   * repeated name keeps only its last value, and "__proto__" does not
   * survive copying the object.
   */
  private checkPropertyName(names: Set<string>, start: number) {
    const name = JSON.parse(this.text.slice(start, this.pos)) as string;

    if (names.has(name)) {
      this.failAt(
        start,
        `Property "${name}" appears twice in this object. JSON keeps only ` +
          "the last value, so remove one",
      );
    }
    if (name === "__proto__") {
      this.failAt(start, 'The property name "__proto__" is not allowed');
    }
    names.add(name);
  }

  private array() {
    this.pos++;
    this.skipWhitespace();

    if (this.peek() === "]") {
      this.pos++;
      return;
    }

    for (;;) {
      this.value();
      this.skipWhitespace();

      const next = this.peek();
      if (next === "]") {
        this.pos++;
        return;
      }
      if (next !== ",") this.fail("Expected ',' or ']'");
      this.pos++;
      this.skipWhitespace();

      if (this.peek() === "]") {
        this.fail("Expected a value after ','. JSON allows no trailing comma");
      }
    }
  }

  private string() {
    const start = this.pos;
    this.pos++;

    for (;;) {
      const char = this.peek();

      if (char === undefined) {
        this.failAt(start, "Unterminated string: no closing '\"'");
      }
      if (char === '"') {
        this.pos++;
        return;
      }
      if (char.charCodeAt(0) < 0x20) {
        this.fail(
          "Line breaks and other control characters in a string must be escaped, as \\n",
        );
      }
      if (char === "\\") {
        this.escape();
        continue;
      }
      this.pos++;
    }
  }

  private escape() {
    const escapeStart = this.pos;
    this.pos++;
    const char = this.peek();

    if (char !== undefined && '"\\/bfnrt'.includes(char)) {
      this.pos++;
      return;
    }

    if (char === "u") {
      const hex = this.text.slice(this.pos + 1, this.pos + 5);
      if (/^[0-9a-fA-F]{4}$/.test(hex)) {
        this.pos += 5;
        return;
      }
    }

    this.failAt(escapeStart, "Invalid escape sequence in a string");
  }

  private number() {
    const start = this.pos;

    if (this.peek() === "-") this.pos++;

    if (this.peek() === "0") {
      this.pos++;
      if (isDigit(this.peek()))
        this.fail("Numbers must not have leading zeros");
    } else if (isDigit(this.peek())) {
      this.skipDigits();
    } else {
      this.fail("Expected a digit");
    }

    if (this.peek() === ".") {
      this.pos++;
      if (!isDigit(this.peek())) this.fail("Expected a digit after '.'");
      this.skipDigits();
    }

    if (this.peek() === "e" || this.peek() === "E") {
      this.pos++;
      if (this.peek() === "+" || this.peek() === "-") this.pos++;
      if (!isDigit(this.peek())) this.fail("Expected a digit in the exponent");
      this.skipDigits();
    }

    const token = this.text.slice(start, this.pos);
    const value = Number(token);
    const unsafe =
      !Number.isFinite(value) ||
      (Number.isInteger(value) && !Number.isSafeInteger(value));

    if (unsafe)
      this.unsafeNumbers.push({ from: start, to: this.pos, text: token });
  }

  private enter() {
    this.depth++;
    if (this.depth > MAX_JSON_DEPTH) {
      this.fail(`Nesting deeper than ${MAX_JSON_DEPTH} levels`);
    }
  }

  private literal(word: "true" | "false" | "null") {
    if (this.text.startsWith(word, this.pos)) {
      this.pos += word.length;
      return;
    }

    this.fail(`${VALUE_EXPECTED}. Did you mean ${word}?`);
  }

  private skipDigits() {
    while (isDigit(this.peek())) this.pos++;
  }

  private skipWhitespace() {
    while (" \t\n\r".includes(this.peek() ?? "x")) this.pos++;
  }

  private peek(): string | undefined {
    return this.text[this.pos];
  }

  private fail(detail: string): never {
    this.failAt(this.pos, detail);
  }

  private failAt(offset: number, detail: string): never {
    const atEnd = offset >= this.text.length;
    throw new ScanStop({
      offset,
      detail: atEnd ? `Unexpected end of input. ${detail}` : detail,
    });
  }
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= "0" && char <= "9";
}
