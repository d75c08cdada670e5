import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  Preset,
  PresetList,
  UpdatePresetRequest,
} from "../../../../server/contract/presets";
import { apiRequest } from "../../../lib/api-client";
import { ApiError } from "../../../lib/api-error";
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
      // The new updated_at is in the list at once, so a second change right
      // after this one is not taken for a conflict.
      queryClient.setQueryData<PresetList>(
        presetKeys.list(preset.workflow_name),
        (list) =>
          list && {
            presets: list.presets.map((item) =>
              item.id === preset.id ? preset : item,
            ),
          },
      );
      void queryClient.invalidateQueries({
        queryKey: presetKeys.list(preset.workflow_name),
      });
    },
    // Someone else changed the preset: read the lists again, so the page
    // shows it as it is now.
    onError: (error) => {
      if (error instanceof ApiError && error.code === "preset_changed") {
        void queryClient.invalidateQueries({ queryKey: presetKeys.all });
      }
    },
  });
}
