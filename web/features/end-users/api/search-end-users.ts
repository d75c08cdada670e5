import {
  keepPreviousData,
  queryOptions,
  useQuery,
} from "@tanstack/react-query";
import type { EndUserSearchResult } from "../../../../server/contract/heron-data";
import { apiRequest } from "../../../lib/api-client";
import { endUserKeys } from "./query-keys";

/** Searches Heron's end users by name or end_user_id, or looks up a heron id. */
export function searchEndUsers(
  search: string,
  signal?: AbortSignal,
): Promise<EndUserSearchResult> {
  return apiRequest<EndUserSearchResult>("/api/end-users", {
    query: { search },
    signal,
  });
}

export const endUserSearchQueryOptions = (search: string) =>
  queryOptions({
    queryKey: endUserKeys.search(search),
    queryFn: ({ signal }) => searchEndUsers(search, signal),
    staleTime: 30_000,
  });

export function useEndUserSearch(search: string, enabled: boolean) {
  return useQuery({
    ...endUserSearchQueryOptions(search),
    enabled,
    // Keeps the last options on screen while the next search runs, so the
    // list does not flicker on every keystroke.
    placeholderData: keepPreviousData,
  });
}
