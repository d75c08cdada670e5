import { queryOptions, useQuery } from "@tanstack/react-query";
import { BACKGROUND_REFRESH_HEADER } from "../../../../server/contract/auth";
import type { HeronRateLimits } from "../../../../server/contract/heron-data";
import { apiRequest } from "../../../lib/api-client";
import { rateLimitKeys } from "../../../lib/rate-limit-query-keys";

// Other staff spend the same budget, so the numbers go stale on their own.
// The route reads the server's memory only, never Heron, so polling is cheap.
const REFRESH_MS = 15_000;

/** Reads Heron's last reported rate-limit window per operation from the console. */
export function getHeronRateLimits(
  signal?: AbortSignal,
): Promise<HeronRateLimits> {
  return apiRequest<HeronRateLimits>("/api/heron/rate-limits", {
    signal,
    headers: { [BACKGROUND_REFRESH_HEADER]: "1" },
  });
}

export const heronRateLimitsQueryOptions = () =>
  queryOptions({
    queryKey: rateLimitKeys.all,
    queryFn: ({ signal }) => getHeronRateLimits(signal),
    staleTime: 0,
  });

export function useHeronRateLimits() {
  return useQuery({
    ...heronRateLimitsQueryOptions(),
    refetchInterval: REFRESH_MS,
  });
}
