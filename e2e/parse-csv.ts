/**
 * Parses CSV text as RFC 4180 defines it into records of fields. Records end
 * in CRLF, and a lone LF is accepted too. A quoted field may contain commas,
 * line breaks and quotes written as "". A final line break does not start
 * another record. Throws on a stray or unterminated quote, naming its offset.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let index = 0;

  const endField = () => {
    record.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };

  while (index < text.length) {
    const char = text[index];

    if (char === '"' && field === "") {
      const closing = readQuoted(text, index);
      field = closing.value;
      index = closing.next;
      const after = text[index];
      if (
        after !== undefined &&
        after !== "," &&
        after !== "\r" &&
        after !== "\n"
      ) {
        throw new Error(
          `CSV has ${JSON.stringify(after)} after a closing quote at offset ${index}, but only a comma or a line break may follow it.`,
        );
      }
      continue;
    }

    if (char === '"') {
      throw new Error(
        `CSV has a quote inside an unquoted field at offset ${index}. RFC 4180 allows quotes only in quoted fields.`,
      );
    }

    if (char === ",") {
      endField();
      index += 1;
    } else if (char === "\r" && text[index + 1] === "\n") {
      endRecord();
      index += 2;
    } else if (char === "\n") {
      endRecord();
      index += 1;
    } else {
      field += char;
      index += 1;
    }
  }

  // Text that does not end in a line break still ends its last record.
  if (field !== "" || record.length > 0) endRecord();
  return records;
}

/**
 * Reads the quoted field that opens at `start` and returns its value and the
 * offset after its closing quote.
 */
function readQuoted(
  text: string,
  start: number,
): { value: string; next: number } {
  let value = "";
  let index = start + 1;

  while (index < text.length) {
    const char = text[index];
    if (char !== '"') {
      value += char;
      index += 1;
    } else if (text[index + 1] === '"') {
      value += '"';
      index += 2;
    } else {
      return { value, next: index + 1 };
    }
  }

  throw new Error(
    `CSV has a quoted field opened at offset ${start} that never closes.`,
  );
}

/** Pairs each record after the header with the header's column names. */
export function csvObjects(records: string[][]): {
  header: string[];
  rows: Record<string, string>[];
} {
  const [header = [], ...body] = records;
  const rows = body.map((record, position) => {
    if (record.length !== header.length) {
      throw new Error(
        `CSV record ${position + 2} has ${record.length} fields, but the header has ${header.length}.`,
      );
    }
    return Object.fromEntries(
      header.map((column, columnIndex) => [column, record[columnIndex] ?? ""]),
    );
  });
  return { header, rows };
}
