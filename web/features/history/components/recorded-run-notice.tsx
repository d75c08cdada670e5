import { Button, Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import type { Run } from "../../../../server/contract/runs";
import { OutcomeBadge } from "../../../components/outcome-badge";
import { OUTCOME_EXPLANATIONS } from "../../../lib/run-outcomes";
import { useRun } from "../api/get-run";

interface RecordedRunNoticeProps {
  runId: string;
  onView: (runId: string) => void;
  /** Shows what can be done next with the run, such as checking it again. */
  renderFollowUp: (run: Run) => ReactNode;
}

/** Shows how the history recorded a failed start, so staff know whether the workflow may have run. */
export function RecordedRunNotice({
  runId,
  onView,
  renderFollowUp,
}: RecordedRunNoticeProps) {
  const run = useRun(runId);

  if (run.isPending) {
    return <Text size="sm">Loading the run recorded for this start…</Text>;
  }

  if (run.isError) {
    return (
      <Text size="sm" fw={600}>
        The console recorded this start as run {runId} but could not load it (
        {run.error.message}). Check the history before starting it again.
      </Text>
    );
  }

  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          Recorded in the history as
        </Text>
        <OutcomeBadge outcome={run.data.outcome} />
      </Group>
      <Text size="sm">{OUTCOME_EXPLANATIONS[run.data.outcome]}</Text>
      {renderFollowUp(run.data)}
      <Group>
        <Button size="xs" variant="default" onClick={() => onView(runId)}>
          View in history
        </Button>
      </Group>
    </Stack>
  );
}
