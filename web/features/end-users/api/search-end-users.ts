import {
  keepPreviousData,
  queryOptions,
  useQuery,
} from "@tanstack/react-query";
import type { EndUserSearchResult } from "../../../../server/contract/heron-data";
import { apiRequest } from "../../../lib/api-client";
import { endUserKeys } from "./query-keys";

/**
 * Searches the console's copy of Heron's end users by name, end_user_id or
 * heron id. The server looks up at Heron an id it does not have yet.
 */
export function searchEndUsers(
  search: string,
  signal?: AbortSignal,
): Promise<EndUserSearchResult> {
  return apiRequest<EndUserSearchResult>("/api/end-users", {
    query: { search },
    signal,
  });
}

const FIRST_SYNC_REFETCH_MS = 3000;

export const endUserSearchQueryOptions = (search: string) =>
  queryOptions({
    queryKey: endUserKeys.search(search),
    queryFn: ({ signal }) => searchEndUsers(search, signal),
    // A result whose lookup at Heron failed is asked again at once, so
    // typing the same id again tries Heron again.
    staleTime: (query) => (query.state.data?.lookup_failure ? 0 : 30_000),
  });

export function useEndUserSearch(search: string, enabled: boolean) {
  return useQuery({
    ...endUserSearchQueryOptions(search),
    enabled,
    // Keeps the last options on screen while the next search runs, so the
    // list does not flicker on every keystroke.
    placeholderData: keepPreviousData,
    // While the first sync runs, the same search finds more users later.
    refetchInterval: (query) =>
      query.state.data?.directory.complete === false
        ? FIRST_SYNC_REFETCH_MS
        : false,
  });
}
