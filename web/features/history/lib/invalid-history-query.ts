import { isApiError } from "../../../lib/api-error";

// The history's names for the query parameters of GET /api/runs.
const PARAMETER_LABELS: Record<string, string> = {
  q: "Search",
  outcome: "Outcome",
  started_by: "Started by",
  workflow_name: "Workflow name",
  end_user_heron_id: "End user heron id",
  from: "From",
  to: "To",
  sort: "Sort column",
  order: "Sort order",
  cursor: "Page cursor",
  limit: "Page size",
};

// Longer values are cut, so a 300-character search does not fill the alert.
const SHOWN_VALUE_MAX = 60;

/** A value of the run list query that the server rejected. */
export interface InvalidHistoryValue {
  /** Query parameter, such as "from". */
  name: string;
  /** The parameter's label in the page, such as "From". */
  label: string;
  /** Value sent, or null when the query did not contain the parameter. */
  value: string | null;
  /** The server's reasons, one sentence each. */
  reasons: string[];
}

/**
 * Lists the values of a run list query that the server rejected with 400
 * validation_failed, in the server's order. Returns [] for any other
 * failure, which sending the query again may fix.
 */
export function invalidHistoryValues(
  error: unknown,
  query: Record<string, string | number>,
): InvalidHistoryValue[] {
  if (!isApiError(error) || error.code !== "validation_failed") return [];

  return Object.entries(error.fields).map(([name, reasons]) => ({
    name,
    label: PARAMETER_LABELS[name] ?? name,
    value: Object.hasOwn(query, name) ? String(query[name]) : null,
    reasons,
  }));
}

/**
 * Quotes a rejected value for the page. A value longer than 60 characters is
 * cut, and `characters` then gives its whole length.
 */
export function quoteRejectedValue(value: string): {
  quoted: string;
  characters: number | null;
} {
  const characters = [...value];
  if (characters.length <= SHOWN_VALUE_MAX) {
    return { quoted: JSON.stringify(value), characters: null };
  }

  const start = characters.slice(0, SHOWN_VALUE_MAX).join("");
  return {
    quoted: JSON.stringify(`${start}…`),
    characters: characters.length,
  };
}
