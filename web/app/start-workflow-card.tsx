import {
  Alert,
  List,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { Suspense } from "react";
import { LazyPartBoundary } from "../components/lazy-part-boundary";
import { lazyPart } from "../components/lazy-part";
import { EndUserPicker } from "../features/end-users/components/end-user-picker";
import { RecordedRunNotice } from "../features/history/components/recorded-run-notice";
import { StartBudget } from "../features/rate-limits/components/start-budget";
import { RunFollowUp } from "../features/run-checks/components/run-follow-up";
import { TriggerForm } from "../features/trigger/components/trigger-form";
import { WorkflowPicker } from "../features/workflows/components/workflow-picker";
import type { useFormPrefill } from "./use-form-prefill";

// Kept out of the page's first script. The form is usable while it loads.
const PresetControls = lazyPart(() =>
  import("../features/presets/components/preset-controls").then((module) => ({
    default: module.PresetControls,
  })),
);
// About the preset and recent-parameters pickers with their labels, and the
// one line of text shown in their place before a workflow is chosen.
const PRESET_CONTROLS_HEIGHT = 78;
const PRESET_HINT_HEIGHT = 20;

interface StartWorkflowCardProps {
  onViewInHistory: (runId: string) => void;
  prefill: ReturnType<typeof useFormPrefill>;
  reasonRequired: boolean;
}

/**
 * Composes the start form with the pickers, the history's run notice, the
 * run checks (execution status, check again) and Heron's start budget.
 */
export function StartWorkflowCard({
  onViewInHistory,
  prefill,
  reasonRequired,
}: StartWorkflowCardProps) {
  const { notice } = prefill;

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
        {prefill.resolving && (
          <Text size="sm" role="status">
            Looking up the end user and workflow to fill in the form…
          </Text>
        )}
        {notice && (
          <Alert
            color={notice.color}
            variant="light"
            title={notice.title}
            withCloseButton
            onClose={prefill.dismissNotice}
            closeButtonLabel="Dismiss this message"
          >
            {notice.messages.length === 1 ? (
              <Text size="sm">{notice.messages[0]}</Text>
            ) : (
              <List size="sm">
                {notice.messages.map((message) => (
                  <List.Item key={message}>{message}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        <TriggerForm
          prefill={prefill.prefill}
          reasonRequired={reasonRequired}
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
          renderPresets={(slot) => (
            <LazyPartBoundary part="Presets">
              <Suspense
                fallback={
                  <Skeleton
                    height={
                      slot.workflowName === null
                        ? PRESET_HINT_HEIGHT
                        : PRESET_CONTROLS_HEIGHT
                    }
                    maw={580}
                  >
                    <VisuallyHidden>Loading the presets…</VisuallyHidden>
                  </Skeleton>
                }
              >
                <PresetControls {...slot} />
              </Suspense>
            </LazyPartBoundary>
          )}
          onViewInHistory={onViewInHistory}
        />
      </Stack>
    </Paper>
  );
}
