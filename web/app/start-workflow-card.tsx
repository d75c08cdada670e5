import { Paper, Stack, Text, Title } from "@mantine/core";
import { EndUserPicker } from "../features/end-users/components/end-user-picker";
import { RecordedRunNotice } from "../features/history/components/recorded-run-notice";
import { StartBudget } from "../features/rate-limits/components/start-budget";
import { RunFollowUp } from "../features/run-checks/components/run-follow-up";
import { TriggerForm } from "../features/trigger/components/trigger-form";
import { WorkflowPicker } from "../features/workflows/components/workflow-picker";

interface StartWorkflowCardProps {
  onViewInHistory: (runId: string) => void;
}

/**
 * Composes the start form with the pickers, the history's run notice, the
 * run checks (execution status, check again) and Heron's start budget.
 */
export function StartWorkflowCard({ onViewInHistory }: StartWorkflowCardProps) {
  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="section"
      aria-labelledby="start-heading"
    >
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id="start-heading">
            Start a workflow
          </Title>
          <Text size="sm" c="dimmed">
            Every start is recorded in the history below, whatever the outcome.
          </Text>
        </div>
        <TriggerForm
          renderEndUserPicker={(slot) => <EndUserPicker {...slot} />}
          renderWorkflowPicker={(slot) => <WorkflowPicker {...slot} />}
          renderRecordedRun={(runId) => (
            <RecordedRunNotice
              runId={runId}
              onView={onViewInHistory}
              renderFollowUp={(run) => <RunFollowUp run={run} follow="auto" />}
            />
          )}
          renderRunFollowUp={(run) => <RunFollowUp run={run} follow="auto" />}
          renderStartBudget={() => <StartBudget />}
          onViewInHistory={onViewInHistory}
        />
      </Stack>
    </Paper>
  );
}
