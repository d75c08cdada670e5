import { Stack } from "@mantine/core";
import { RegionErrorBoundary } from "../components/region-error-boundary";
import { AuditSection } from "../features/admin/components/audit-section";
import { UsersSection } from "../features/admin/components/users-section";

/** Lays out the admin view: staff accounts, then the audit log. */
export function AdminView({ currentUserId }: { currentUserId: string }) {
  return (
    <Stack gap="lg">
      <RegionErrorBoundary region="Staff">
        <UsersSection currentUserId={currentUserId} />
      </RegionErrorBoundary>
      <RegionErrorBoundary region="Audit log">
        <AuditSection />
      </RegionErrorBoundary>
    </Stack>
  );
}
