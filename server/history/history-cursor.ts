import type { HistorySortColumn } from "../contract/history.js";
import { ApiError } from "../errors.js";
import type { HistoryPosition, HistorySort } from "../store/run-store.js";

// A cursor is base64url JSON of the sort it belongs to and the sort value and
// id of the last run on its page. Clients treat it as opaque text.

interface CursorContent {
  sort: HistorySortColumn;
  order: "asc" | "desc";
  value: string | number;
  id: string;
}

export function encodeCursor(
  sort: HistorySort,
  position: HistoryPosition,
): string {
  const content: CursorContent = { ...sort, ...position };
  return Buffer.from(JSON.stringify(content)).toString("base64url");
}

/**
 * Returns the position a cursor carries. Throws ApiError 400 on the cursor
 * field when it is damaged or belongs to another sort order.
 */
export function decodeCursor(
  cursor: string,
  sort: HistorySort,
): HistoryPosition {
  const content = readContent(cursor);
  if (!content) {
    throw invalidCursor(
      "cursor is not a cursor this console made. Start again from the " +
        "first page without cursor.",
    );
  }
  if (content.sort !== sort.sort || content.order !== sort.order) {
    throw invalidCursor(
      `cursor belongs to the list sorted by ${content.sort} ` +
        `${content.order}, not ${sort.sort} ${sort.order}. Start again ` +
        "from the first page without cursor.",
    );
  }
  return { value: content.value, id: content.id };
}

function readContent(cursor: string): CursorContent | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;

  const { sort, order, value: sortValue, id } = value as CursorContent;
  const valueType = sort === "duration_ms" ? "number" : "string";
  const valid =
    typeof sort === "string" &&
    (order === "asc" || order === "desc") &&
    typeof id === "string" &&
    typeof sortValue === valueType &&
    (typeof sortValue !== "number" || Number.isSafeInteger(sortValue));
  return valid ? { sort, order, value: sortValue, id } : null;
}

function invalidCursor(message: string): ApiError {
  return new ApiError(
    400,
    "validation_failed",
    `The run list query has invalid values: cursor. ${message}`,
    { fields: { cursor: [message] } },
  );
}
