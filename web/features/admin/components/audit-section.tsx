import {
  Button,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import type { AuditEvent } from "../../../../server/contract/auth";
import { ApiErrorAlert } from "../../../components/api-error-alert";
import { StackedLocalTime } from "../../../components/local-time";
import { useAuditEvents } from "../api/list-audit-events";
import { useUsers } from "../api/list-users";
import { auditKindLabel, formatAuditDetail } from "../lib/describe-audit-event";

/** Sign-ins, sign-outs and account changes, newest first, a page at a time. */
export function AuditSection() {
  const audit = useAuditEvents();
  const users = useUsers();
  const emailById = new Map(
    (users.data?.users ?? []).map((user) => [user.id, user.email]),
  );
  const events = audit.data?.pages.flatMap((page) => page.events) ?? [];

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
            No events yet.
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
        <Text size="sm">{event.actor_email ?? "—"}</Text>
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
