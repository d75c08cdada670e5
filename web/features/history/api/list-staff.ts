import { queryOptions, useQuery } from "@tanstack/react-query";
import type { StaffList } from "../../../../server/contract/auth";
import { apiRequest } from "../../../lib/api-client";

export const staffKeys = {
  all: ["staff"] as const,
};

/** Lists every staff account by name, for the "Started by" filter. */
export function listStaff(signal?: AbortSignal): Promise<StaffList> {
  return apiRequest<StaffList>("/api/staff", { signal });
}

export const staffQueryOptions = () =>
  queryOptions({
    queryKey: staffKeys.all,
    queryFn: ({ signal }) => listStaff(signal),
    staleTime: 5 * 60_000,
  });

export function useStaff() {
  return useQuery(staffQueryOptions());
}
