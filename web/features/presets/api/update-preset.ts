import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  Preset,
  UpdatePresetRequest,
} from "../../../../server/contract/presets";
import { apiRequest } from "../../../lib/api-client";
import { presetKeys } from "./query-keys";

export interface UpdatePresetInput {
  id: string;
  update: UpdatePresetRequest;
}

/** Renames a preset, replaces its parameters, or both, and returns it. */
export function updatePreset({ id, update }: UpdatePresetInput) {
  const path = `/api/presets/${encodeURIComponent(id)}`;
  return apiRequest<Preset>(path, { method: "PATCH", body: update });
}

export function useUpdatePreset() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: updatePreset,
    onSuccess: (preset) => {
      void queryClient.invalidateQueries({
        queryKey: presetKeys.list(preset.workflow_name),
      });
    },
  });
}
