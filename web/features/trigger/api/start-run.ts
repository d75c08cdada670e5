import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Run, StartRunRequest } from "../../../../server/contract/runs";
import { apiRequest } from "../../../lib/api-client";
import { rateLimitKeys } from "../../../lib/rate-limit-query-keys";
import { runKeys } from "../../../lib/run-query-keys";
import { staffKeys } from "../../../lib/staff-query-keys";

export interface StartRunInput {
  request: StartRunRequest;
  /**
   * One key per submission. For a repeated key the server returns the first
   * result instead of calling Heron again.
   */
  idempotencyKey: string;
}

/** Asks the console server to start a workflow at Heron and returns the recorded run. */
export function startRun({
  request,
  idempotencyKey,
}: StartRunInput): Promise<Run> {
  return apiRequest<Run>("/api/runs", {
    method: "POST",
    body: request,
    headers: { "Idempotency-Key": idempotencyKey },
  });
}

/**
 * Starts a run and refreshes the history, the recent runs and the list of
 * staff who started runs, after failures too, because the server records a
 * failed start as a run. Heron's rate limits are refreshed as well, since
 * every start spends the budget.
 */
export function useStartRun() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: startRun,
    onSuccess: (run) => {
      queryClient.setQueryData(runKeys.detail(run.id), run);
    },
    // Not awaited: the caller closes the review as soon as the start
    // settles, not after the lists have been read again.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: runKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: runKeys.recents() });
      void queryClient.invalidateQueries({
        queryKey: runKeys.recentParameterSets(),
      });
      void queryClient.invalidateQueries({ queryKey: rateLimitKeys.all });
      void queryClient.invalidateQueries({ queryKey: staffKeys.all });
    },
  });
}
