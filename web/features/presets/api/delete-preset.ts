import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Preset } from "../../../../server/contract/presets";
import { apiRequest } from "../../../lib/api-client";
import { presetKeys } from "./query-keys";

/** Deletes a preset. The server returns 404 when it is already gone. */
export function deletePreset(id: string): Promise<void> {
  const path = `/api/presets/${encodeURIComponent(id)}`;
  return apiRequest<void>(path, { method: "DELETE" });
}

export function useDeletePreset() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (preset: Preset) => deletePreset(preset.id),
    // Also on failure, because after a 404 the cached list is stale too.
    onSettled: (_result, _error, preset) => {
      void queryClient.invalidateQueries({
        queryKey: presetKeys.list(preset.workflow_name),
      });
    },
  });
}
