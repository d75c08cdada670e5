import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Run } from "../../../../server/contract/runs";
import { apiRequest } from "../../../lib/api-client";
import { runKeys } from "../../../lib/run-query-keys";

/**
 * Asks the console to look for an unknown run's execution at Heron and
 * returns the run as recorded afterwards: started when Heron lists a
 * matching execution, else still unknown with a note.
 */
export function reconcileRun(runId: string): Promise<Run> {
  const path = `/api/runs/${encodeURIComponent(runId)}/reconcile`;
  return apiRequest<Run>(path, { method: "POST" });
}

/** Checks an unknown run again and refreshes the run, the history and the recent runs. */
export function useReconcileRun() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: reconcileRun,
    onSuccess: (run) => {
      queryClient.setQueryData(runKeys.detail(run.id), run);
    },
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: runKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: runKeys.recents() }),
      ]);
    },
  });
}
