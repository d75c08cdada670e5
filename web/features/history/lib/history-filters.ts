import {
  HISTORY_SORT_COLUMNS,
  type HistorySortColumn,
} from "../../../../server/contract/history";
import {
  RUN_OUTCOMES,
  type RunOutcome,
} from "../../../../server/contract/runs";

/** Filters of the history, as they appear in the page URL's query. */
export interface HistoryFilters {
  q: string;
  workflow_name: string;
  end_user_heron_id: string;
  outcome: RunOutcome[];
  /** The user id of the staff member who started the runs, or "". */
  started_by: string;
  /** ISO 8601 UTC times, or "" for no bound. */
  from: string;
  to: string;
  /** Sort column and direction, or "" for the server's default (newest first). */
  sort: HistorySortColumn | "";
  order: "asc" | "desc" | "";
}

export const EMPTY_HISTORY_FILTERS: HistoryFilters = {
  q: "",
  workflow_name: "",
  end_user_heron_id: "",
  outcome: [],
  started_by: "",
  from: "",
  to: "",
  sort: "",
  order: "",
};

const TEXT_KEYS = [
  "q",
  "workflow_name",
  "end_user_heron_id",
  "started_by",
  "from",
  "to",
] as const;

const CURSOR_KEY = "cursor";

/**
 * Reads the filters from a URL query. Unknown outcomes are dropped. Other
 * values are kept as written, so the server can name what is invalid.
 */
export function readHistoryFilters(search: string): HistoryFilters {
  const params = new URLSearchParams(search);
  const filters: HistoryFilters = { ...EMPTY_HISTORY_FILTERS };

  for (const key of TEXT_KEYS) filters[key] = params.get(key)?.trim() ?? "";

  filters.outcome = readOutcomeParts(params).filter(isRunOutcome);
  const sort = params.get("sort") ?? "";
  filters.sort = (HISTORY_SORT_COLUMNS as readonly string[]).includes(sort)
    ? (sort as HistorySortColumn)
    : "";
  const order = params.get("order");
  filters.order = order === "asc" || order === "desc" ? order : "";
  return filters;
}

/**
 * Returns the outcomes of a URL query that readHistoryFilters drops because
 * they are not run outcomes, so the page can report that it ignored them.
 */
export function readUnknownOutcomes(search: string): string[] {
  const parts = readOutcomeParts(new URLSearchParams(search));
  return parts.filter((part) => part !== "" && !isRunOutcome(part));
}

function readOutcomeParts(params: URLSearchParams): string[] {
  return (params.get("outcome") ?? "").split(",").map((part) => part.trim());
}

function isRunOutcome(value: string): value is RunOutcome {
  return (RUN_OUTCOMES as readonly string[]).includes(value);
}

/** Returns only the filters that are set, as query values for the API. */
export function historyFilterQuery(
  filters: HistoryFilters,
): Record<string, string> {
  const query: Record<string, string> = {};

  for (const key of TEXT_KEYS) {
    if (filters[key] !== "") query[key] = filters[key];
  }
  if (filters.outcome.length > 0) query.outcome = filters.outcome.join(",");
  if (filters.sort !== "") query.sort = filters.sort;
  if (filters.order !== "") query.order = filters.order;
  return query;
}

/** Reads the keyset cursor of the history page from a URL query, or "". */
export function readHistoryCursor(search: string): string {
  return new URLSearchParams(search).get(CURSOR_KEY) ?? "";
}

/**
 * Writes the filters and the page's cursor ("" for the first page) into a
 * URL query, keeping the parameters that are not filters (such as a share
 * link) as they are.
 */
export function writeHistoryFilters(
  search: string,
  filters: HistoryFilters,
  cursor = "",
): string {
  const params = new URLSearchParams(search);

  for (const key of [...TEXT_KEYS, "outcome", "sort", "order", CURSOR_KEY]) {
    params.delete(key);
  }
  for (const [key, value] of Object.entries(historyFilterQuery(filters))) {
    params.set(key, value);
  }
  if (cursor !== "") params.set(CURSOR_KEY, cursor);

  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

/** Tells whether two sets of filters send the same query, sort included. */
export function sameHistoryFilters(a: HistoryFilters, b: HistoryFilters) {
  const queryA = historyFilterQuery(a);
  const queryB = historyFilterQuery(b);
  const keys = new Set([...Object.keys(queryA), ...Object.keys(queryB)]);
  return [...keys].every((key) => queryA[key] === queryB[key]);
}

/** Tells whether any filter narrows the rows. The sort order does not count. */
export function hasHistoryFilters(filters: HistoryFilters): boolean {
  return (
    TEXT_KEYS.some((key) => filters[key] !== "") || filters.outcome.length > 0
  );
}

/**
 * Returns the filters sorted by `column`: a second click on the current
 * column reverses the order, and a new column starts newest or A to Z first.
 */
export function sortHistoryBy(
  filters: HistoryFilters,
  column: HistorySortColumn,
): HistoryFilters {
  const current = currentHistorySort(filters);

  if (current.column === column) {
    const order = current.order === "asc" ? "desc" : "asc";
    return { ...filters, sort: column, order };
  }
  return { ...filters, sort: column, order: defaultOrder(column) };
}

/** Returns the sort in effect, with the server's defaults filled in. */
export function currentHistorySort(filters: HistoryFilters): {
  column: HistorySortColumn;
  order: "asc" | "desc";
} {
  const column = filters.sort === "" ? "created_at" : filters.sort;
  const order = filters.order === "" ? "desc" : filters.order;
  return { column, order };
}

function defaultOrder(column: HistorySortColumn): "asc" | "desc" {
  return column === "created_at" || column === "duration_ms" ? "desc" : "asc";
}
