import { z } from "zod";

import {
  END_USER_HERON_ID_MAX,
  RUN_OUTCOMES,
  WORKFLOW_NAME_MAX,
  type Run,
  type RunOutcome,
} from "./runs.js";

// The run history's search: filters, sort order and keyset pages, shared by
// GET /api/runs and GET /api/runs/export.csv. Query values arrive as text,
// so numbers are coerced and a parameter given twice is rejected.

export const HISTORY_SORT_COLUMNS = [
  "created_at",
  "workflow_name",
  "end_user_name",
  "outcome",
  "duration_ms",
] as const;

export type HistorySortColumn = (typeof HISTORY_SORT_COLUMNS)[number];

export const HISTORY_LIMIT_MAX = 100;
export const HISTORY_LIMIT_DEFAULT = 25;
export const HISTORY_SEARCH_MAX = 200;

/** Text given once; a repeated query parameter arrives as an array. */
export function single(name: string) {
  return z.string({
    error: (issue) =>
      Array.isArray(issue.input)
        ? `Give ${name} once, not ${issue.input.length} times.`
        : `${name} must be text.`,
  });
}

/**
 * Parses a whole number from 1 to `max`, given once. Only plain digits are
 * accepted, because Number() would also read "1e1", "0x10" and " 5".
 */
function wholeNumber(name: string, max: number) {
  const message = `${name} must be a whole number from 1 to ${max}.`;
  return single(name)
    .regex(/^[0-9]+$/, message)
    .pipe(
      z.coerce
        .number<string>({ error: message })
        .int(message)
        .min(1, message)
        .max(max, message),
    );
}

function isoTime(name: string) {
  return single(name)
    .pipe(
      z.iso.datetime({
        error:
          `${name} must be an ISO 8601 UTC time, such as ` +
          "2025-01-31T09:00:00Z.",
      }),
    )
    .transform((value) => new Date(value).toISOString());
}

/**
 * A comma-separated list of outcomes, such as "started,unknown", parsed into
 * a list without repeats.
 */
const OutcomeListSchema = single("outcome").transform((value, context) => {
  const outcomes = value.split(",").map((part) => part.trim());
  const invalid = outcomes.filter(
    (outcome) => !(RUN_OUTCOMES as readonly string[]).includes(outcome),
  );
  if (invalid.length > 0) {
    context.addIssue({
      code: "custom",
      message:
        `${invalid.map((part) => JSON.stringify(part)).join(", ")} ` +
        `${invalid.length === 1 ? "is not an outcome" : "are not outcomes"}. ` +
        `Use one or more of ${RUN_OUTCOMES.join(", ")}, separated by commas.`,
    });
    return z.NEVER;
  }
  return [...new Set(outcomes)] as RunOutcome[];
});

/** Filters of the run history. Every filter is optional; all must match. */
export const historyFilterShape = {
  workflow_name: single("workflow_name")
    .min(1, "workflow_name must not be empty. Leave it out to see all.")
    .max(WORKFLOW_NAME_MAX, "A workflow name is at most 255 characters.")
    .optional(),
  end_user_heron_id: single("end_user_heron_id")
    .trim()
    .min(1, "end_user_heron_id must not be empty. Leave it out to see all.")
    .max(
      END_USER_HERON_ID_MAX,
      "An end user's heron id is at most 64 characters.",
    )
    .optional(),
  outcome: OutcomeListSchema.optional(),
  /** The id of the staff member who started the runs, from GET /api/staff. */
  started_by: single("started_by")
    .trim()
    .min(1, "started_by must not be empty. Leave it out to see all.")
    .max(64, "started_by is a user id of at most 64 characters.")
    .optional(),
  /** Runs created at or after this time. */
  from: isoTime("from").optional(),
  /** Runs created at or before this time. */
  to: isoTime("to").optional(),
  /**
   * Text found, ignoring case, in the end user's name or heron id, the
   * workflow name or the execution id. % and _ match only themselves.
   */
  q: single("q")
    .trim()
    .max(HISTORY_SEARCH_MAX, "q is at most 200 characters.")
    .optional(),
};

export const historySortShape = {
  sort: single("sort")
    .pipe(
      z.enum(HISTORY_SORT_COLUMNS, {
        error: `sort must be one of ${HISTORY_SORT_COLUMNS.join(", ")}.`,
      }),
    )
    .default("created_at"),
  order: single("order")
    .pipe(z.enum(["asc", "desc"], { error: "order must be asc or desc." }))
    .default("desc"),
};

export const historyPageShape = {
  /** next_cursor of the previous page; leave it out for the first page. */
  cursor: single("cursor")
    .min(1, "cursor must not be empty. Leave it out for the first page.")
    .max(1000, "cursor is too long. Start again from the first page.")
    .optional(),
  limit: wholeNumber("limit", HISTORY_LIMIT_MAX).default(HISTORY_LIMIT_DEFAULT),
};

export const HISTORY_PAGE_MAX = 100_000;
export const HISTORY_PAGE_SIZE_MAX = 100;

/**
 * The older offset pages of GET /api/runs, chosen by sending page or
 * page_size. Each page counts the whole filtered history for its total.
 */
export const historyOffsetPageShape = {
  page: wholeNumber("page", HISTORY_PAGE_MAX).default(1),
  page_size: wholeNumber("page_size", HISTORY_PAGE_SIZE_MAX).default(20),
};

interface TimeRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** Rejects a time range whose from is after its to, on the from field. */
export function checkTimeRange(
  { from, to }: TimeRange,
  context: z.RefinementCtx,
) {
  if (from === undefined || to === undefined || from <= to) return;
  context.addIssue({
    code: "custom",
    path: ["from"],
    message: `from (${from}) is after to (${to}). Swap them or widen the range.`,
  });
}

/** GET /api/runs with keyset pages. */
export const RunHistoryQuerySchema = z
  .strictObject({
    ...historyFilterShape,
    ...historySortShape,
    ...historyPageShape,
  })
  .superRefine(checkTimeRange);

export type RunHistoryQuery = z.infer<typeof RunHistoryQuerySchema>;

/** GET /api/runs/export.csv: the same filters and sort, every matching run. */
export const RunExportQuerySchema = z
  .strictObject({ ...historyFilterShape, ...historySortShape })
  .superRefine(checkTimeRange);

export type RunExportQuery = z.infer<typeof RunExportQuerySchema>;

/**
 * One page of the history. There is no total: counting a filtered history
 * reads every matching row, which grows with the table. Page until
 * next_cursor is null.
 */
export interface RunHistoryPage {
  runs: Run[];
  /** Send as `cursor` with the same filters and sort for the next page. */
  next_cursor: string | null;
}

/** Columns of the CSV export, in order. */
export const RUN_EXPORT_COLUMNS = [
  "id",
  "created_at",
  "end_user_name",
  "end_user_heron_id",
  "workflow_name",
  "outcome",
  "http_status",
  "workflow_execution_id",
  "workflow_id",
  "action",
  "status",
  "execution_status",
  "duration_ms",
  "error_message",
  "workflow_parameters",
  "request_id",
  "started_by_name",
  "started_by_email",
  "reason",
] as const;
