import {
  queryOptions,
  useQuery,
  type QueryClient,
} from "@tanstack/react-query";
import type { StaffList } from "../../../../server/contract/auth";
import type { Run } from "../../../../server/contract/runs";
import { apiRequest } from "../../../lib/api-client";
import { staffKeys } from "../../../lib/staff-query-keys";

/** Lists the staff who started at least one run, for the "Started by" filter. */
export function listStaff(signal?: AbortSignal): Promise<StaffList> {
  return apiRequest<StaffList>("/api/staff", { signal });
}

// The list grows only when someone starts a first run. The history reads it
// again when a page shows a starter it lacks, and on the history's Refresh.
export const staffQueryOptions = () =>
  queryOptions({
    queryKey: staffKeys.all,
    queryFn: ({ signal }) => listStaff(signal),
    staleTime: 5 * 60_000,
  });

export function useStaff() {
  return useQuery(staffQueryOptions());
}

/**
 * Marks the cached staff list stale when `runs` were started by someone it
 * lacks, such as a colleague's first run, so the "Started by" filter reads
 * the list again and offers them. Does nothing when no list is cached.
 */
export function refreshStaffForStarters(client: QueryClient, runs: Run[]) {
  const cached = client.getQueryData(staffQueryOptions().queryKey);
  if (cached === undefined) return;

  const listed = new Set(cached.staff.map((member) => member.id));
  const missing = runs.some(
    (run) => run.started_by !== null && !listed.has(run.started_by.id),
  );
  if (missing) void client.invalidateQueries({ queryKey: staffKeys.all });
}
