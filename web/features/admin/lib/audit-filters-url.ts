import { useState } from "react";
import {
  AUDIT_EVENT_KINDS,
  type AuditEventKind,
} from "../../../../server/contract/auth";
import type { AuditFilters } from "../api/list-audit-events";

const KIND_PARAM = "audit_kind";
const ACCOUNT_PARAM = "audit_account";

function isAuditKind(value: string): value is AuditEventKind {
  return (AUDIT_EVENT_KINDS as readonly string[]).includes(value);
}

/** Reads the audit log's filters from a URL query. An unknown value reads as no filter. */
export function readAuditFilters(search: string): AuditFilters {
  const params = new URLSearchParams(search);
  const kind = params.get(KIND_PARAM) ?? "";
  const account = params.get(ACCOUNT_PARAM)?.trim() ?? "";

  return {
    kind: isAuditKind(kind) ? kind : null,
    accountId: account === "" ? null : account,
  };
}

/** Returns the URL query with the audit log's filters in place of the old ones. */
export function writeAuditFilters(
  search: string,
  filters: AuditFilters,
): string {
  const params = new URLSearchParams(search);
  params.delete(KIND_PARAM);
  params.delete(ACCOUNT_PARAM);
  if (filters.kind !== null) params.set(KIND_PARAM, filters.kind);
  if (filters.accountId !== null) params.set(ACCOUNT_PARAM, filters.accountId);

  const query = params.toString();
  return query === "" ? "" : `?${query}`;
}

/**
 * Keeps the audit log's filters in the page URL, so a filtered audit log
 * survives a reload and can be sent to another admin. Replaces the history
 * entry rather than adding one per change.
 */
export function useUrlAuditFilters() {
  const [filters, setFilters] = useState(() =>
    readAuditFilters(window.location.search),
  );

  function change(next: AuditFilters) {
    const { pathname, search, hash } = window.location;
    const url = `${pathname}${writeAuditFilters(search, next)}${hash}`;
    window.history.replaceState(window.history.state, "", url);
    setFilters(next);
  }

  return [filters, change] as const;
}
