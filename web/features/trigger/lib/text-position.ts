export interface LineColumn {
  /** 1-based line number. */
  line: number;
  /** 1-based column, counted in UTF-16 code units as editors count them. */
  column: number;
}

/** Converts a character offset into a 1-based line and column. */
export function toLineColumn(text: string, offset: number): LineColumn {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;

  for (let i = 0; i < clamped; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }

  return { line, column: clamped - lineStart + 1 };
}
