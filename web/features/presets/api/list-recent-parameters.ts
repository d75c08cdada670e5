import { queryOptions, useQuery } from "@tanstack/react-query";
import type { RecentParameters } from "../../../../server/contract/presets";
import { apiRequest } from "../../../lib/api-client";
import { runKeys } from "../../../lib/run-query-keys";

/** Lists the last distinct parameter sets used in runs of one workflow. */
export function listRecentParameters(
  workflowName: string,
  signal?: AbortSignal,
): Promise<RecentParameters> {
  const path = `/api/workflows/${encodeURIComponent(workflowName)}/recent-parameters`;
  return apiRequest<RecentParameters>(path, { signal });
}

export const recentParametersQueryOptions = (workflowName: string) =>
  queryOptions({
    queryKey: runKeys.recentParameters(workflowName),
    queryFn: ({ signal }) => listRecentParameters(workflowName, signal),
    staleTime: 30_000,
  });

export function useRecentParameters(workflowName: string | null) {
  return useQuery({
    ...recentParametersQueryOptions(workflowName ?? ""),
    enabled: workflowName !== null,
  });
}
