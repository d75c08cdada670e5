import { queryOptions, useQuery } from "@tanstack/react-query";
import type {
  RecentRuns,
  RecentRunsQuery,
} from "../../../../server/contract/runs";
import { apiRequest } from "../../../lib/api-client";
import { runKeys } from "../../../lib/run-query-keys";

/**
 * Lists the recent started, sending or unknown runs of one end user and
 * workflow, newest first. While the list is not empty, the server rejects a
 * new start of the pair unless it carries allow_duplicate.
 */
export function listRecentRuns(
  query: RecentRunsQuery,
  signal?: AbortSignal,
): Promise<RecentRuns> {
  return apiRequest<RecentRuns>("/api/runs/recent", {
    query: {
      end_user_heron_id: query.end_user_heron_id,
      workflow_name: query.workflow_name,
    },
    signal,
  });
}

export const recentRunsQueryOptions = (query: RecentRunsQuery) =>
  queryOptions({
    queryKey: runKeys.recent(query),
    queryFn: ({ signal }) => listRecentRuns(query, signal),
    // Each review reads the list again, because a start by someone else a
    // second ago counts too.
    staleTime: 0,
  });

export function useRecentRuns(query: RecentRunsQuery) {
  return useQuery(recentRunsQueryOptions(query));
}
