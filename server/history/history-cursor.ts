import {
  HISTORY_SORT_COLUMNS,
  type HistorySortColumn,
} from "../contract/history.js";
import { RUN_OUTCOMES } from "../contract/runs.js";
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
  const valid =
    (HISTORY_SORT_COLUMNS as readonly unknown[]).includes(sort) &&
    (order === "asc" || order === "desc") &&
    typeof id === "string" &&
    fitsSort(sort, sortValue);
  return valid ? { sort, order, value: sortValue, id } : null;
}

/**
 * Checks that a cursor's value is one the sort column can hold, so a made-up
 * cursor cannot start a page at a position no run could have.
 */
function fitsSort(sort: HistorySortColumn, value: unknown): boolean {
  switch (sort) {
    case "created_at":
      return typeof value === "string" && isStoredTime(value);
    case "outcome":
      return (RUN_OUTCOMES as readonly unknown[]).includes(value);
    case "duration_ms":
      // The history sorts a run without a duration as -1.
      return Number.isSafeInteger(value) && (value as number) >= -1;
    case "workflow_name":
    case "end_user_name":
      return typeof value === "string";
  }
}

/**
 * Checks that `value` is a time as the store writes it, as in
 * 2025-01-31T09:00:00.000Z.
 */
function isStoredTime(value: string): boolean {
  const time = new Date(value);
  return !Number.isNaN(time.getTime()) && time.toISOString() === value;
}

function invalidCursor(message: string): ApiError {
  return new ApiError(
    400,
    "validation_failed",
    `The run list query has invalid values: cursor. ${message}`,
    { fields: { cursor: [message] } },
  );
}
