import { queryOptions, useQuery } from "@tanstack/react-query";
import type { StaffList } from "../../../../server/contract/auth";
import { apiRequest } from "../../../lib/api-client";
import { staffKeys } from "../../../lib/staff-query-keys";

/** Lists the staff who started at least one run, for the "Started by" filter. */
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
