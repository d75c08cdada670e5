import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { BACKGROUND_REFRESH_HEADER } from "../../../../server/contract/auth";
import type { ExecutionStatusResult } from "../../../../server/contract/executions";
import { apiRequest } from "../../../lib/api-client";
import { runKeys } from "../../../lib/run-query-keys";
import { nextStatusRead } from "../lib/next-status-read";

/** Reads a started run's execution status from Heron through the console. */
export function getExecutionStatus(
  runId: string,
  signal?: AbortSignal,
): Promise<ExecutionStatusResult> {
  const path = `/api/runs/${encodeURIComponent(runId)}/execution`;
  return apiRequest<ExecutionStatusResult>(path, {
    signal,
    headers: { [BACKGROUND_REFRESH_HEADER]: "1" },
  });
}

export const executionStatusQueryOptions = (runId: string) =>
  queryOptions({
    queryKey: runKeys.execution(runId),
    queryFn: ({ signal }) => getExecutionStatus(runId, signal),
    staleTime: 0,
  });

/**
 * Follows a run's execution at Heron with backoff until it finishes, while
 * `enabled`. Each change of status also refreshes the run and the history,
 * because the server records the last status it read on the run.
 */
export function useExecutionStatus(runId: string, enabled: boolean) {
  const queryClient = useQueryClient();
  const query = useQuery({
    ...executionStatusQueryOptions(runId),
    enabled,
    refetchInterval: nextStatusRead,
  });
  const status = query.data?.available ? query.data.status : undefined;

  useEffect(() => {
    if (status === undefined) return;

    void queryClient.invalidateQueries({ queryKey: runKeys.detail(runId) });
    void queryClient.invalidateQueries({ queryKey: runKeys.lists() });
  }, [queryClient, runId, status]);

  return query;
}
