import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Run } from "../../../../server/contract/runs";
import { apiRequest } from "../../../lib/api-client";
import { runKeys } from "../../../lib/run-query-keys";

export function getRun(id: string, signal?: AbortSignal): Promise<Run> {
  return apiRequest<Run>(`/api/runs/${encodeURIComponent(id)}`, { signal });
}

export const runQueryOptions = (id: string) =>
  queryOptions({
    queryKey: runKeys.detail(id),
    queryFn: ({ signal }) => getRun(id, signal),
    staleTime: 0,
  });

export function useRun(id: string | null) {
  return useQuery({
    ...runQueryOptions(id ?? ""),
    enabled: id !== null,
    refetchInterval: (q) =>
      q.state.data?.outcome === "sending" ? 3_000 : false,
  });
}
