import { Alert, Button, Group, List, Stack, Text } from "@mantine/core";
import type { ReactNode, Ref } from "react";
import type { Run } from "../../../../server/contract/runs";
import { ApiErrorAlert } from "../../../components/api-error-alert";
import { CopyableValue } from "../../../components/copyable-value";
import { isApiError } from "../../../lib/api-error";
import { formatLocalTime } from "../../../lib/format-date";
import {
  startErrorTitle,
  startMayHaveHappened,
} from "../lib/describe-start-error";

export type StartResult =
  | { kind: "started"; run: Run }
  | {
      kind: "failed";
      error: unknown;
      /** Field messages no form field shows. */
      unplaced: string[];
      /** Whether some messages were placed beside the form's fields. */
      placedOnFields: boolean;
      /** When Heron's rate limit allows another start, for a 429. */
      retry: { afterSeconds: number; at: Date } | null;
    };

interface StartResultPanelProps {
  result: StartResult;
  ref?: Ref<HTMLDivElement>;
  onViewInHistory: (runId: string) => void;
  renderRecordedRun: (runId: string) => ReactNode;
}

/** What came of the last start, focused after each attempt for screen readers. */
export function StartResultPanel({
  result,
  ref,
  onViewInHistory,
  renderRecordedRun,
}: StartResultPanelProps) {
  return (
    <div ref={ref} tabIndex={-1} style={{ outline: "none" }}>
      {result.kind === "started" ? (
        <StartedPanel run={result.run} onViewInHistory={onViewInHistory} />
      ) : (
        <FailedPanel result={result} renderRecordedRun={renderRecordedRun} />
      )}
    </div>
  );
}

function StartedPanel({
  run,
  onViewInHistory,
}: {
  run: Run;
  onViewInHistory: (runId: string) => void;
}) {
  return (
    <Alert color="green" variant="light" title="Workflow started">
      <Stack gap="xs">
        <ResultRow label="Execution id">
          {run.workflow_execution_id ? (
            <CopyableValue value={run.workflow_execution_id} label="execution id" />
          ) : (
            <Text size="sm">Heron returned none</Text>
          )}
        </ResultRow>
        <ResultRow label="Status">
          <Text size="sm">{run.status ?? "—"}</Text>
        </ResultRow>
        <ResultRow label="Action">
          <Text size="sm">{run.action ?? "—"}</Text>
        </ResultRow>
        <ResultRow label="Workflow id">
          {run.workflow_id ? (
            <CopyableValue value={run.workflow_id} label="workflow id" />
          ) : (
            <Text size="sm">Heron returned none</Text>
          )}
        </ResultRow>
        <Group>
          <Button size="xs" variant="default" onClick={() => onViewInHistory(run.id)}>
            View in history
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function FailedPanel({
  result,
  renderRecordedRun,
}: {
  result: Extract<StartResult, { kind: "failed" }>;
  renderRecordedRun: (runId: string) => ReactNode;
}) {
  const { error, unplaced, placedOnFields, retry } = result;
  const runId = isApiError(error) ? error.runId : null;

  return (
    <ApiErrorAlert title={startErrorTitle(error)} error={error}>
      {retry && (
        <Text size="sm" fw={600}>
          Try again in {retry.afterSeconds} seconds, after{" "}
          {formatLocalTime(retry.at)}.
        </Text>
      )}
      {placedOnFields && (
        <Text size="sm">The details are shown beside the fields they concern.</Text>
      )}
      {unplaced.length > 0 && (
        <List size="sm">
          {unplaced.map((message) => (
            <List.Item key={message}>{message}</List.Item>
          ))}
        </List>
      )}
      {runId !== null
        ? renderRecordedRun(runId)
        : startMayHaveHappened(error) && (
            <Text size="sm" fw={600}>
              The console could not confirm whether the workflow started.
              Check the history before starting it again.
            </Text>
          )}
    </ApiErrorAlert>
  );
}

function ResultRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="sm" wrap="nowrap" align="center">
      <Text size="sm" c="dimmed" w={110} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      {children}
    </Group>
  );
}
