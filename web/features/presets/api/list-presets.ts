import { queryOptions, useQuery } from "@tanstack/react-query";
import type { PresetList } from "../../../../server/contract/presets";
import { apiRequest } from "../../../lib/api-client";
import { presetKeys } from "./query-keys";

/** Lists the presets of one workflow, by name. */
export function listPresets(
  workflowName: string,
  signal?: AbortSignal,
): Promise<PresetList> {
  return apiRequest<PresetList>("/api/presets", {
    query: { workflow_name: workflowName },
    signal,
  });
}

export const presetListQueryOptions = (workflowName: string) =>
  queryOptions({
    queryKey: presetKeys.list(workflowName),
    queryFn: ({ signal }) => listPresets(workflowName, signal),
    staleTime: 30_000,
  });

export function usePresets(workflowName: string | null) {
  return useQuery({
    ...presetListQueryOptions(workflowName ?? ""),
    enabled: workflowName !== null,
  });
}
