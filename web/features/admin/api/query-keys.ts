import type { AuditFilters } from "./list-audit-events";

export const adminKeys = {
  all: ["admin"] as const,
  users: () => [...adminKeys.all, "users"] as const,
  audit: () => [...adminKeys.all, "audit"] as const,
  auditList: (filters: AuditFilters) =>
    [...adminKeys.audit(), filters] as const,
};
