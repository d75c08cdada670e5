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
  /** ISO 8601 UTC times, or "" for no bound. */
  from: string;
  to: string;
}

export const EMPTY_HISTORY_FILTERS: HistoryFilters = {
  q: "",
  workflow_name: "",
  end_user_heron_id: "",
  outcome: [],
  from: "",
  to: "",
};

const TEXT_KEYS = [
  "q",
  "workflow_name",
  "end_user_heron_id",
  "from",
  "to",
] as const;

/**
 * Reads the filters from a URL query. Unknown outcomes are dropped. Other
 * values are kept as written, so the server can name what is invalid.
 */
export function readHistoryFilters(search: string): HistoryFilters {
  const params = new URLSearchParams(search);
  const filters: HistoryFilters = { ...EMPTY_HISTORY_FILTERS };

  for (const key of TEXT_KEYS) filters[key] = params.get(key)?.trim() ?? "";

  filters.outcome = (params.get("outcome") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter((part): part is RunOutcome =>
      (RUN_OUTCOMES as readonly string[]).includes(part),
    );
  return filters;
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
  return query;
}

/**
 * Writes the filters into a URL query, keeping the parameters that are not
 * filters (such as a share link) as they are.
 */
export function writeHistoryFilters(
  search: string,
  filters: HistoryFilters,
): string {
  const params = new URLSearchParams(search);

  for (const key of [...TEXT_KEYS, "outcome"]) params.delete(key);
  for (const [key, value] of Object.entries(historyFilterQuery(filters))) {
    params.set(key, value);
  }

  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

export function hasHistoryFilters(filters: HistoryFilters): boolean {
  return Object.keys(historyFilterQuery(filters)).length > 0;
}
