import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Health } from "../../server/contract/heron-data";
import { apiRequest } from "./api-client";

// Shared, because the sandbox banner and the copied curl command both
// depend on whether the console talks to the sandbox.

export const healthKeys = {
  all: ["health"] as const,
};

export function getHealth(signal?: AbortSignal): Promise<Health> {
  return apiRequest<Health>("/api/health", { signal });
}

export const healthQueryOptions = () =>
  queryOptions({
    queryKey: healthKeys.all,
    queryFn: ({ signal }) => getHealth(signal),
    // The mode only changes when the server restarts with another config.
    staleTime: 5 * 60_000,
  });

export function useHealth() {
  return useQuery(healthQueryOptions());
}
