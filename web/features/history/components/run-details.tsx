import {
  Button,
  CopyButton,
  Group,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import type { ReactNode } from "react";
import type { Run } from "../../../../server/contract/runs";
import { CopyableValue } from "../../../components/copyable-value";
import { JsonBlock } from "../../../components/json-block";
import { LocalTime } from "../../../components/local-time";
import { OutcomeBadge } from "../../../components/outcome-badge";
import { copyShareLink } from "../../../lib/copy-share-link";
import { formatDuration } from "../../../lib/format-duration";
import { formatJsonForDisplay } from "../../../lib/format-json";
import { OUTCOME_EXPLANATIONS } from "../../../lib/run-outcomes";
import { draftFromRun } from "../../../lib/start-draft";
import { CopyAsCurl } from "./copy-as-curl";

interface RunDetailsProps {
  run: Run;
  /** Checks of the run at Heron, from another feature. */
  followUp: ReactNode;
  onStartLike: ((run: Run) => void) | null;
}

/** Shows one run's full record: the summary, the parameters sent and Heron's response. */
export function RunDetails({ run, followUp, onStartLike }: RunDetailsProps) {
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Group gap="sm">
          <OutcomeBadge outcome={run.outcome} />
          <Text size="sm" fw={600}>
            {run.workflow_name}
          </Text>
        </Group>
        <Text size="sm">{OUTCOME_EXPLANATIONS[run.outcome]}</Text>
        <Group gap="sm" mt="xs">
          {onStartLike && (
            <Button size="xs" onClick={() => onStartLike(run)}>
              Start like this
            </Button>
          )}
          <Button
            size="xs"
            variant="default"
            onClick={() => void copyShareLink(draftFromRun(run))}
          >
            Copy link
          </Button>
          <CopyAsCurl run={run} />
        </Group>
      </Stack>

      {followUp}

      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          <Row label="Time">
            <LocalTime iso={run.created_at} />
          </Row>
          <Row label="End user">
            {run.end_user_name ?? "(no name)"}
            <Text size="xs" ff="monospace" c="dimmed">
              {run.end_user_heron_id}
            </Text>
          </Row>
          <Row label="Started by">
            {run.started_by === null ? (
              "(not recorded)"
            ) : (
              <>
                {run.started_by.display_name}
                <Text size="xs" c="dimmed">
                  {run.started_by.email}
                </Text>
              </>
            )}
          </Row>
          <Row label="Reason">
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {run.reason ?? "—"}
            </Text>
          </Row>
          {run.source_address != null && (
            <Row label="From address">{run.source_address}</Row>
          )}
          {run.user_agent != null && (
            <Row label="Browser">
              <Text size="xs">{run.user_agent}</Text>
            </Row>
          )}
          <Row label="HTTP status">{run.http_status ?? "—"}</Row>
          <Row label="Status">{run.status ?? "—"}</Row>
          <Row label="Action">{run.action ?? "—"}</Row>
          <Row label="Execution id">
            <Optional value={run.workflow_execution_id} label="execution id" />
          </Row>
          <Row label="Workflow id">
            <Optional value={run.workflow_id} label="workflow id" />
          </Row>
          <Row label="Duration">{formatDuration(run.duration_ms)}</Row>
          <Row label="Error">{run.error_message ?? "—"}</Row>
          {run.execution_status != null && (
            <Row label="Execution status">
              {run.execution_status}
              {run.execution_status_at != null && (
                <Text size="xs" c="dimmed">
                  as of <LocalTime iso={run.execution_status_at} />
                </Text>
              )}
            </Row>
          )}
          {run.reconciled_at != null && (
            <Row label="Reconciled">
              <LocalTime iso={run.reconciled_at} />
            </Row>
          )}
          {run.reconciliation_note != null && (
            <Row label="Reconciliation note">
              {run.reconciliation_note}
              {run.reconciliation_checked_at != null && (
                <Text size="xs" c="dimmed">
                  checked <LocalTime iso={run.reconciliation_checked_at} />
                </Text>
              )}
            </Row>
          )}
          <Row label="Run id">
            <CopyableValue value={run.id} label="run id" />
          </Row>
          <Row label="Request id">
            <CopyableValue value={run.request_id} label="request id" />
          </Row>
        </Table.Tbody>
      </Table>

      <Stack gap="xs">
        <SectionTitle
          title="Request parameters"
          copyText={formatJsonForDisplay(run.workflow_parameters)}
        />
        <JsonBlock value={run.workflow_parameters} label="Request parameters" />
      </Stack>

      <Stack gap="xs">
        <SectionTitle
          title="Heron's response"
          copyText={formatJsonForDisplay(run.heron_response)}
        />
        <JsonBlock value={run.heron_response} label="Heron's response" />
      </Stack>
    </Stack>
  );
}

function SectionTitle({
  title,
  copyText,
}: {
  title: string;
  copyText: string;
}) {
  return (
    <Group justify="space-between" wrap="nowrap">
      <Title order={3} size="h5">
        {title}
      </Title>
      <CopyButton value={copyText}>
        {({ copied, copy }) => (
          <Button
            variant="subtle"
            size="compact-xs"
            onClick={copy}
            aria-label={copied ? `${title} copied` : `Copy ${title}`}
          >
            {copied ? "Copied" : "Copy"}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={140} scope="row">
        {label}
      </Table.Th>
      <Table.Td style={{ wordBreak: "break-word" }}>{children}</Table.Td>
    </Table.Tr>
  );
}

function Optional({ value, label }: { value: string | null; label: string }) {
  return value === null ? "—" : <CopyableValue value={value} label={label} />;
}
