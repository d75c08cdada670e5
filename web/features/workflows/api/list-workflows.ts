import { queryOptions, useQuery } from "@tanstack/react-query";
import type { WorkflowList } from "../../../../server/contract/heron-data";
import { apiRequest } from "../../../lib/api-client";
import { workflowKeys } from "./query-keys";

export function listWorkflows(signal?: AbortSignal): Promise<WorkflowList> {
  return apiRequest<WorkflowList>("/api/workflows", { signal });
}

export const workflowListQueryOptions = () =>
  queryOptions({
    queryKey: workflowKeys.list(),
    queryFn: ({ signal }) => listWorkflows(signal),
    staleTime: 5 * 60_000,
  });

export function useWorkflows() {
  return useQuery(workflowListQueryOptions());
}
