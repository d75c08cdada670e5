import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  CreatePresetRequest,
  Preset,
} from "../../../../server/contract/presets";
import { apiRequest } from "../../../lib/api-client";
import { presetKeys } from "./query-keys";

/** Saves a named parameter set for a workflow and returns it. */
export function createPreset(request: CreatePresetRequest): Promise<Preset> {
  return apiRequest<Preset>("/api/presets", { method: "POST", body: request });
}

export function useCreatePreset() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: createPreset,
    onSuccess: (preset) => {
      void queryClient.invalidateQueries({
        queryKey: presetKeys.list(preset.workflow_name),
      });
    },
  });
}
