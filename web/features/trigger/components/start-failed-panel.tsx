import { Button, Group, List, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import type { DuplicateRunSummary } from "../../../../server/contract/errors";
import { ApiErrorAlert } from "../../../components/api-error-alert";
import { LocalTime } from "../../../components/local-time";
import { OutcomeBadge } from "../../../components/outcome-badge";
import { isApiError } from "../../../lib/api-error";
import { formatCountdown } from "../../../lib/format-countdown";
import { formatLocalTime } from "../../../lib/format-date";
import {
  startErrorTitle,
  startMayHaveHappened,
} from "../lib/describe-start-error";

export interface StartFailure {
  error: unknown;
  /** Field messages no form field shows. */
  unplaced: string[];
  /** Whether some messages were placed beside the form's fields. */
  placedOnFields: boolean;
  /** When Heron's rate limit allows another start, for a 429. */
  retry: { afterSeconds: number; at: Date } | null;
}

interface StartFailedPanelProps {
  failure: StartFailure;
  onViewInHistory: (runId: string) => void;
  renderRecordedRun: (runId: string) => ReactNode;
  onStartAnyway: () => void;
}

/** Shows why a start failed and whether the workflow may have run anyway. */
export function StartFailedPanel({
  failure,
  onViewInHistory,
  renderRecordedRun,
  onStartAnyway,
}: StartFailedPanelProps) {
  const { error, unplaced, placedOnFields, retry } = failure;
  const runId = isApiError(error) ? error.runId : null;
  const duplicateOf = isApiError(error) ? error.duplicateOf : null;

  return (
    <ApiErrorAlert title={startErrorTitle(error)} error={error}>
      {retry && (
        <Text size="sm" fw={600}>
          Heron's rate-limit window resets at {formatLocalTime(retry.at)}, in{" "}
          {formatCountdown(retry.afterSeconds)} from this response. Review stays
          disabled until then, and the console does not retry on its own.
        </Text>
      )}
      {placedOnFields && (
        <Text size="sm">
          The details are shown beside the fields they concern.
        </Text>
      )}
      {unplaced.length > 0 && (
        <List size="sm">
          {unplaced.map((message) => (
            <List.Item key={message}>{message}</List.Item>
          ))}
        </List>
      )}
      {duplicateOf && (
        <DuplicateRun
          run={duplicateOf}
          onViewInHistory={onViewInHistory}
          onStartAnyway={onStartAnyway}
        />
      )}
      {runId !== null
        ? renderRecordedRun(runId)
        : startMayHaveHappened(error) && (
            <Text size="sm" fw={600}>
              The console could not confirm whether the workflow started. Check
              the history before starting it again.
            </Text>
          )}
    </ApiErrorAlert>
  );
}

interface DuplicateRunProps {
  run: DuplicateRunSummary;
  onViewInHistory: (runId: string) => void;
  onStartAnyway: () => void;
}

function DuplicateRun({
  run,
  onViewInHistory,
  onStartAnyway,
}: DuplicateRunProps) {
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          Recent run:
        </Text>
        <OutcomeBadge outcome={run.outcome} />
        <Text size="sm">
          <LocalTime iso={run.created_at} />
        </Text>
      </Group>
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          onClick={() => onViewInHistory(run.id)}
        >
          View the recent run
        </Button>
        <Button size="xs" color="red.9" onClick={onStartAnyway}>
          Review and start anyway
        </Button>
      </Group>
    </Stack>
  );
}
