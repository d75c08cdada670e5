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
    refetchInterval: (q) => pollInterval(q.state.data?.outcome),
  });
}

/**
 * Returns how often to read a run again while it is on screen. A sending run
 * settles within seconds. The server's own checks at Heron may settle an
 * unknown run later, so it is read too, more slowly. The route reads only the
 * console's database, never Heron.
 */
function pollInterval(outcome: Run["outcome"] | undefined): number | false {
  if (outcome === "sending") return 3_000;
  if (outcome === "unknown") return 10_000;

  return false;
}
