import {
  infiniteQueryOptions,
  keepPreviousData,
  useInfiniteQuery,
} from "@tanstack/react-query";
import type {
  AuditEventKind,
  AuditPage,
} from "../../../../server/contract/auth";
import { apiRequest } from "../../../lib/api-client";
import { adminKeys } from "./query-keys";

const AUDIT_PAGE_SIZE = 50;

/** The audit log's filters. null means every kind or every account. */
export interface AuditFilters {
  kind: AuditEventKind | null;
  accountId: string | null;
}

/** Reads one page of the audit log, newest first. */
export function listAuditEvents(
  filters: AuditFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<AuditPage> {
  return apiRequest<AuditPage>("/api/admin/audit", {
    query: {
      cursor: cursor ?? undefined,
      kind: filters.kind ?? undefined,
      account: filters.accountId ?? undefined,
      limit: AUDIT_PAGE_SIZE,
    },
    signal,
  });
}

export const auditQueryOptions = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: adminKeys.auditList(filters),
    queryFn: ({ pageParam, signal }) =>
      listAuditEvents(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
  });

export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    ...auditQueryOptions(filters),
    // Keeps the last rows on screen while another filter loads.
    placeholderData: keepPreviousData,
  });
}
