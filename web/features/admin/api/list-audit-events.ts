import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import type { AuditPage } from "../../../../server/contract/auth";
import { apiRequest } from "../../../lib/api-client";
import { adminKeys } from "./query-keys";

const AUDIT_PAGE_SIZE = 50;

/** Reads one page of the audit log, newest first. */
export function listAuditEvents(
  cursor: string | null,
  signal?: AbortSignal,
): Promise<AuditPage> {
  return apiRequest<AuditPage>("/api/admin/audit", {
    query: { cursor: cursor ?? undefined, limit: AUDIT_PAGE_SIZE },
    signal,
  });
}

export const auditQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: adminKeys.audit(),
    queryFn: ({ pageParam, signal }) => listAuditEvents(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
  });

export function useAuditEvents() {
  return useInfiniteQuery(auditQueryOptions());
}
