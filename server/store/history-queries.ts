import {
  sql,
  type RawBuilder,
  type Kysely,
  type SelectQueryBuilder,
} from "kysely";

import {
  RUN_EXPORT_COLUMNS,
  type HistorySortColumn,
  type RunExportQuery,
} from "../contract/history.js";
import type { Run } from "../contract/runs.js";
import { toRun, type RunRow } from "./run-rows.js";
import type { DatabaseSchema } from "./schema.js";

// Queries of the run history: filters, sort and keyset pages, and the
// streamed rows of the CSV export.

export type HistoryFilters = Omit<RunExportQuery, "sort" | "order">;
export type HistorySort = Pick<RunExportQuery, "sort" | "order">;

/** The start of a keyset page: the sort value and id of the row before it. */
export interface HistoryPosition {
  value: string | number;
  id: string;
}

export interface HistoryPageRequest {
  filters: HistoryFilters;
  sort: HistorySort;
  after: HistoryPosition | null;
  limit: number;
}

export interface HistoryPageRows {
  runs: Run[];
  /** The position of the last run, when more runs follow it. */
  next: HistoryPosition | null;
}

type RunsQuery = SelectQueryBuilder<DatabaseSchema, "runs", object>;

/**
 * Returns the expression each sort column orders by. Missing names and durations
 * sort as "" and -1, so every row has a value a cursor can carry and a
 * row-value comparison can compare.
 */
export function sortExpression(
  column: HistorySortColumn,
): RawBuilder<string | number> {
  switch (column) {
    case "end_user_name":
      return sql<string>`coalesce(end_user_name, '')`;
    case "duration_ms":
      return sql<number>`coalesce(duration_ms, -1)`;
    default:
      return sql<string>`${sql.ref(column)}`;
  }
}

/** Escapes LIKE's wildcards so `text` matches only itself. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export function applyHistoryFilters<Q extends RunsQuery>(
  query: Q,
  filters: HistoryFilters,
): Q {
  let filtered = query;
  if (filters.workflow_name !== undefined) {
    filtered = filtered.where("workflow_name", "=", filters.workflow_name) as Q;
  }
  if (filters.end_user_heron_id !== undefined) {
    filtered = filtered.where(
      "end_user_heron_id",
      "=",
      filters.end_user_heron_id,
    ) as Q;
  }
  if (filters.started_by !== undefined) {
    filtered = filtered.where(
      "started_by_user_id",
      "=",
      filters.started_by,
    ) as Q;
  }
  if (filters.outcome !== undefined && filters.outcome.length > 0) {
    filtered = filtered.where("outcome", "in", filters.outcome) as Q;
  }
  if (filters.from !== undefined) {
    filtered = filtered.where("created_at", ">=", filters.from) as Q;
  }
  if (filters.to !== undefined) {
    filtered = filtered.where("created_at", "<=", filters.to) as Q;
  }
  if (filters.q) {
    // NOTE: SQLite's LIKE ignores case for ASCII letters only, so "É" does
    // not find "é".
    const pattern = `%${escapeLike(filters.q)}%`;
    filtered = filtered.where(
      sql<boolean>`(end_user_name like ${pattern} escape '\\'
        or end_user_heron_id like ${pattern} escape '\\'
        or workflow_name like ${pattern} escape '\\'
        or workflow_execution_id like ${pattern} escape '\\')`,
    ) as Q;
  }
  return filtered;
}

export function applyHistorySort<Q extends RunsQuery>(
  query: Q,
  { sort, order }: HistorySort,
): Q {
  return query.orderBy(sortExpression(sort), order).orderBy("id", order) as Q;
}

function applyPosition<Q extends RunsQuery>(
  query: Q,
  { sort, order }: HistorySort,
  after: HistoryPosition | null,
): Q {
  if (!after) return query;
  // Ties on the sort value fall back to the id, which is unique, so a page
  // boundary inside a run of equal values neither repeats nor skips rows.
  const expression = sortExpression(sort);
  const comparison =
    order === "asc"
      ? sql<boolean>`(${expression}, id) > (${after.value}, ${after.id})`
      : sql<boolean>`(${expression}, id) < (${after.value}, ${after.id})`;
  return query.where(comparison) as Q;
}

export async function listRunHistory(
  db: Kysely<DatabaseSchema>,
  request: HistoryPageRequest,
): Promise<HistoryPageRows> {
  let query = db
    .selectFrom("runs")
    .selectAll()
    .select(sortExpression(request.sort.sort).as("sort_value"));
  query = applyHistoryFilters(query, request.filters);
  query = applyPosition(query, request.sort, request.after);
  query = applyHistorySort(query, request.sort);
  // One row more than the page shows whether another page follows.
  const rows = await query.limit(request.limit + 1).execute();

  const pageRows = rows.slice(0, request.limit);
  const last = pageRows.at(-1);
  const next =
    rows.length > request.limit && last
      ? { value: last.sort_value, id: last.id }
      : null;
  return { runs: pageRows.map((row) => toRun(row as RunRow)), next };
}

/** Lists a page by offset, for callers of the older page/page_size API. */
export async function listRunHistoryByOffset(
  db: Kysely<DatabaseSchema>,
  request: {
    filters: HistoryFilters;
    sort: HistorySort;
    offset: number;
    limit: number;
  },
): Promise<{ runs: Run[]; total: number }> {
  let query = applyHistoryFilters(
    db.selectFrom("runs").selectAll(),
    request.filters,
  );
  query = applyHistorySort(query, request.sort);
  const rows = await query
    .limit(request.limit)
    .offset(request.offset)
    .execute();

  const { total } = await applyHistoryFilters(
    db.selectFrom("runs").select((eb) => eb.fn.countAll<number>().as("total")),
    request.filters,
  ).executeTakeFirstOrThrow();
  return { runs: rows.map(toRun), total: Number(total) };
}

export type RunExportRow = Pick<
  RunRow,
  | "id"
  | "created_at"
  | "end_user_name"
  | "end_user_heron_id"
  | "workflow_name"
  | "outcome"
  | "http_status"
  | "workflow_execution_id"
  | "workflow_id"
  | "action"
  | "status"
  | "execution_status"
  | "duration_ms"
  | "error_message"
  | "workflow_parameters"
  | "request_id"
  | "started_by_name"
  | "started_by_email"
  | "reason"
>;

/**
 * Streams the rows of every matching run, one at a time from SQLite's
 * cursor. Breaking out of the loop closes the statement.
 */
export function streamRunExport(
  db: Kysely<DatabaseSchema>,
  { sort, order, ...filters }: RunExportQuery,
): AsyncIterableIterator<RunExportRow> {
  let query = db
    .selectFrom("runs")
    // The export's columns are exactly the runs columns of the same names.
    .select([...RUN_EXPORT_COLUMNS]);
  query = applyHistoryFilters(query, filters);
  query = applyHistorySort(query, { sort, order });
  return query.stream();
}
