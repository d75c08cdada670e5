import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Run, StartRunRequest } from "../../../../server/contract/runs";
import { apiRequest } from "../../../lib/api-client";
import { runKeys } from "../../../lib/run-query-keys";

/** Asks the console server to start a workflow at Heron; returns the recorded run. */
export function startRun(request: StartRunRequest): Promise<Run> {
  return apiRequest<Run>("/api/runs", { method: "POST", body: request });
}

/**
 * Starts a run and refreshes the history, after failures too, because the
 * server records a failed start as a run.
 */
export function useStartRun() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: startRun,
    onSuccess: (run) => {
      queryClient.setQueryData(runKeys.detail(run.id), run);
    },
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: runKeys.lists() }),
  });
}
