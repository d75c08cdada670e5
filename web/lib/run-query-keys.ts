import type { RecentRunsQuery } from "../../server/contract/runs";

/**
 * Query keys for runs. They are shared rather than owned by one feature
 * because several features touch runs: the start form writes them (and
 * invalidates the lists), the history reads them and the run checks update
 * them after asking Heron.
 */
export const runKeys = {
  all: ["runs"] as const,
  lists: () => [...runKeys.all, "list"] as const,
  /** A page of the history; the query includes its filters and cursor. */
  list: (query: Record<string, string | number>) =>
    [...runKeys.lists(), query] as const,
  details: () => [...runKeys.all, "detail"] as const,
  detail: (id: string) => [...runKeys.details(), id] as const,
  recents: () => [...runKeys.all, "recent"] as const,
  recent: (query: RecentRunsQuery) => [...runKeys.recents(), query] as const,
  /** The last distinct parameter sets used per workflow, derived from runs. */
  recentParameterSets: () => [...runKeys.all, "recent-parameters"] as const,
  recentParameters: (workflowName: string) =>
    [...runKeys.recentParameterSets(), workflowName] as const,
  executions: () => [...runKeys.all, "execution"] as const,
  execution: (id: string) => [...runKeys.executions(), id] as const,
};
