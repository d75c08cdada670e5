import {
  keepPreviousData,
  queryOptions,
  useQuery,
} from "@tanstack/react-query";
import type { ListRunsQuery, RunList } from "../../../../server/contract/runs";
import { apiRequest } from "../../../lib/api-client";
import { runKeys } from "../../../lib/run-query-keys";

const SENDING_POLL_MS = 3_000;

/** Lists recorded runs, newest first, one page at a time. */
export function listRuns(
  query: ListRunsQuery,
  signal?: AbortSignal,
): Promise<RunList> {
  return apiRequest<RunList>("/api/runs", {
    query: { page: query.page, page_size: query.page_size },
    signal,
  });
}

export const runListQueryOptions = (query: ListRunsQuery) =>
  queryOptions({
    queryKey: runKeys.list(query),
    queryFn: ({ signal }) => listRuns(query, signal),
    staleTime: 0,
  });

export function useRunList(query: ListRunsQuery) {
  return useQuery({
    ...runListQueryOptions(query),
    placeholderData: keepPreviousData,
    // A run still "sending" changes within seconds, so poll until it settles.
    refetchInterval: (q) =>
      q.state.data?.runs.some((run) => run.outcome === "sending")
        ? SENDING_POLL_MS
        : false,
  });
}
