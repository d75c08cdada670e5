import { scanJson } from "./json-syntax";

const INDENT = "  ";

/**
 * Re-indents JSON text with two spaces, keeping every string and number
 * exactly as typed. Formatting through JSON.parse and JSON.stringify would
 * round large integers. Returns null when the text is not valid JSON.
 */
export function formatJsonText(text: string): string | null {
  if (text.trim() === "" || !isValidJson(text)) return null;

  let output = "";
  let depth = 0;
  let i = 0;

  const newline = () => `\n${INDENT.repeat(depth)}`;

  while (i < text.length) {
    const char = text.charAt(i);

    if (char === '"') {
      const end = stringEnd(text, i);
      output += text.slice(i, end);
      i = end;
      continue;
    }

    if (char === "{" || char === "[") {
      const close = char === "{" ? "}" : "]";
      const next = nextNonSpace(text, i + 1);

      if (text.charAt(next) === close) {
        output += char + close;
        i = next + 1;
        continue;
      }

      depth++;
      output += char + newline();
    } else if (char === "}" || char === "]") {
      depth--;
      output += newline() + char;
    } else if (char === ",") {
      output += char + newline();
    } else if (char === ":") {
      output += ": ";
    } else if (!" \t\n\r".includes(char)) {
      output += char;
    }

    i++;
  }

  return output;
}

function stringEnd(text: string, start: number): number {
  let i = start + 1;

  while (i < text.length && text.charAt(i) !== '"') {
    i += text.charAt(i) === "\\" ? 2 : 1;
  }

  return i + 1;
}

function nextNonSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && " \t\n\r".includes(text.charAt(i))) i++;
  return i;
}

function isValidJson(text: string): boolean {
  try {
    return scanJson(text).problem === null;
  } catch {
    // Nesting too deep for the scanner's recursion.
    return false;
  }
}
