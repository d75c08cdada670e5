import {
  keepPreviousData,
  queryOptions,
  useQuery,
} from "@tanstack/react-query";
import type { RunHistoryPage } from "../../../../server/contract/history";
import { apiRequest } from "../../../lib/api-client";
import { runKeys } from "../../../lib/run-query-keys";
import { refreshStaffForStarters } from "./list-staff";

const SENDING_POLL_MS = 3_000;

/**
 * A keyset page of the history: its filters and sort, `limit`, and `cursor`
 * (the previous page's next_cursor) except on the first page.
 */
export type RunListQuery = Record<string, string | number>;

/** Lists recorded runs that match the filters, one keyset page at a time. */
export function listRuns(
  query: RunListQuery,
  signal?: AbortSignal,
): Promise<RunHistoryPage> {
  return apiRequest<RunHistoryPage>("/api/runs", { query, signal });
}

export const runListQueryOptions = (query: RunListQuery) =>
  queryOptions({
    queryKey: runKeys.list(query),
    queryFn: async ({ signal, client }) => {
      const page = await listRuns(query, signal);
      refreshStaffForStarters(client, page.runs);
      return page;
    },
    staleTime: 0,
  });

export function useRunList(query: RunListQuery) {
  return useQuery({
    ...runListQueryOptions(query),
    placeholderData: keepPreviousData,
    // A run still "sending" changes within seconds, so poll until it settles.
    refetchInterval: (q) =>
      q.state.data?.runs.some((run) => run.outcome === "sending")
        ? SENDING_POLL_MS
        : false,
  });
}
