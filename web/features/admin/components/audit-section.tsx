import {
  Button,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import type {
  AuditEvent,
  AuditEventKind,
} from "../../../../server/contract/auth";
import { ApiErrorAlert } from "../../../components/api-error-alert";
import { StackedLocalTime } from "../../../components/local-time";
import { useAuditEvents, type AuditFilters } from "../api/list-audit-events";
import { useUsers } from "../api/list-users";
import { useUrlAuditFilters } from "../lib/audit-filters-url";
import {
  AUDIT_KIND_OPTIONS,
  auditKindLabel,
  formatAuditActor,
  formatAuditDetail,
} from "../lib/describe-audit-event";

const NO_FILTERS: AuditFilters = { kind: null, accountId: null };

/**
 * Sign-ins, sign-outs and account changes, newest first, a page at a time,
 * optionally only one kind of event or one account's events.
 */
export function AuditSection() {
  const [filters, setFilters] = useUrlAuditFilters();
  const audit = useAuditEvents(filters);
  const users = useUsers();
  const accounts = users.data?.users ?? [];
  const emailById = new Map(accounts.map((user) => [user.id, user.email]));
  const events = audit.data?.pages.flatMap((page) => page.events) ?? [];
  const filtered = filters.kind !== null || filters.accountId !== null;

  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="section"
      aria-labelledby="audit-heading"
    >
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3" id="audit-heading">
            Audit log
          </Title>
          <Button
            variant="default"
            size="xs"
            onClick={() => void audit.refetch()}
            loading={audit.isRefetching && !audit.isFetchingNextPage}
          >
            Refresh
          </Button>
        </Group>
        <Group gap="sm" align="flex-end">
          <Select
            label="Event"
            description="Every event when empty"
            placeholder="Every event"
            data={AUDIT_KIND_OPTIONS}
            value={filters.kind}
            onChange={(value) =>
              setFilters({ ...filters, kind: value as AuditEventKind | null })
            }
            clearable
            w={220}
          />
          <Select
            label="Account"
            placeholder="Every account"
            description={
              users.isError
                ? "Could not load the accounts"
                : "Who acted or was changed"
            }
            data={accounts.map((user) => ({
              value: user.id,
              label: user.email,
            }))}
            value={filters.accountId}
            onChange={(value) => setFilters({ ...filters, accountId: value })}
            searchable
            clearable
            nothingFoundMessage="No account matches"
            w={260}
          />
          {filtered && (
            <Button variant="subtle" onClick={() => setFilters(NO_FILTERS)}>
              Show all events
            </Button>
          )}
        </Group>
        {audit.isPending && <Skeleton height={160} />}
        {audit.isError && (
          <ApiErrorAlert
            title="Could not load the audit log"
            error={audit.error}
            onRetry={() => void audit.refetch()}
          />
        )}
        {audit.data && events.length === 0 && (
          <Text c="dimmed" ta="center" py="lg">
            {filtered ? "No events match these filters." : "No events yet."}
          </Text>
        )}
        {events.length > 0 && (
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="xs" aria-labelledby="audit-heading">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Time</Table.Th>
                  <Table.Th>Event</Table.Th>
                  <Table.Th>By</Table.Th>
                  <Table.Th>Account</Table.Th>
                  <Table.Th>From</Table.Th>
                  <Table.Th>Detail</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {events.map((event) => (
                  <AuditRow
                    key={event.id}
                    event={event}
                    targetEmail={
                      event.target_user_id === null
                        ? null
                        : (emailById.get(event.target_user_id) ??
                          event.target_user_id)
                    }
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {audit.hasNextPage && (
          <Group justify="center">
            <Button
              variant="default"
              onClick={() => void audit.fetchNextPage()}
              loading={audit.isFetchingNextPage}
            >
              Show older events
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function AuditRow({
  event,
  targetEmail,
}: {
  event: AuditEvent;
  targetEmail: string | null;
}) {
  const detail = formatAuditDetail(event);
  const actor = formatAuditActor(event);

  return (
    <Table.Tr>
      <Table.Td>
        <StackedLocalTime iso={event.at} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
          {auditKindLabel(event.kind)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{actor ?? "—"}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{targetEmail ?? "—"}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{event.source_address ?? "—"}</Text>
        {event.user_agent !== null && (
          <Text size="xs" c="dimmed" lineClamp={1} title={event.user_agent}>
            {event.user_agent}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="xs" ff="monospace" style={{ wordBreak: "break-all" }}>
          {detail === "" ? "—" : detail}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
