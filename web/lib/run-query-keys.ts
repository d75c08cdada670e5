import type { ListRunsQuery } from "../../server/contract/runs";

/**
 * Query keys for runs. They are shared rather than owned by one feature
 * because two features touch runs: the start form writes them (and
 * invalidates the lists) and the history reads them.
 */
export const runKeys = {
  all: ["runs"] as const,
  lists: () => [...runKeys.all, "list"] as const,
  list: (query: ListRunsQuery) => [...runKeys.lists(), query] as const,
  details: () => [...runKeys.all, "detail"] as const,
  detail: (id: string) => [...runKeys.details(), id] as const,
};
