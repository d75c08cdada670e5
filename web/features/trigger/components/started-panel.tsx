import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import type { Run } from "../../../../server/contract/runs";
import { CopyableValue } from "../../../components/copyable-value";

interface StartedPanelProps {
  run: Run;
  onViewInHistory: (runId: string) => void;
  /** The execution's live status, from another feature. */
  followUp: ReactNode;
}

/** Shows the result of a successful start, with its ids to copy. */
export function StartedPanel({
  run,
  onViewInHistory,
  followUp,
}: StartedPanelProps) {
  return (
    <Alert
      color="green"
      variant="light"
      title="Workflow started"
      // A flex item does not shrink below its content by default, so long ids
      // and the node table would push past the panel on a narrow screen.
      styles={{ body: { minWidth: 0, overflowWrap: "anywhere" } }}
    >
      <Stack gap="xs">
        <ResultRow label="Execution id">
          <OptionalId value={run.workflow_execution_id} label="execution id" />
        </ResultRow>
        <ResultRow label="Status">
          <Text size="sm">{run.status ?? "—"}</Text>
        </ResultRow>
        <ResultRow label="Action">
          <Text size="sm">{run.action ?? "—"}</Text>
        </ResultRow>
        <ResultRow label="Workflow id">
          <OptionalId value={run.workflow_id} label="workflow id" />
        </ResultRow>
        {followUp}
        <Group>
          <Button
            size="xs"
            variant="default"
            onClick={() => onViewInHistory(run.id)}
          >
            View in history
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function OptionalId({ value, label }: { value: string | null; label: string }) {
  if (value === null) return <Text size="sm">Heron returned none</Text>;

  return <CopyableValue value={value} label={label} />;
}

function ResultRow({
  label,
  children,
}: {
  label: string;
  children: ReactNode;
}) {
  return (
    <Group gap="sm" wrap="nowrap" align="center">
      <Text size="sm" c="dimmed" w={110} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <div style={{ minWidth: 0 }}>{children}</div>
    </Group>
  );
}
