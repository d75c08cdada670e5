import { Alert, Button, Group, Loader, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { ExecutionStatusAvailable } from "../../../../server/contract/executions";
import type { Run } from "../../../../server/contract/runs";
import { ApiErrorAlert } from "../../../components/api-error-alert";
import { LocalTime } from "../../../components/local-time";
import { isApiError } from "../../../lib/api-error";
import { formatCountdown } from "../../../lib/format-countdown";
import { useExecutionStatus } from "../api/get-execution-status";
import { ExecutionNodesTable } from "./execution-nodes-table";
import { ExecutionStatusBadge } from "./execution-status-badge";

export type FollowMode = "auto" | "on-request";

interface ExecutionProgressProps {
  run: Run;
  /** "auto" reads the status at once, "on-request" waits for a button. */
  follow: FollowMode;
}

/**
 * Follows a started run's execution at Heron until it finishes, node by
 * node. Polling stops when the execution finishes, when Heron gives no
 * status for the key, when a read fails and when this component unmounts.
 */
export function ExecutionProgress({ run, follow }: ExecutionProgressProps) {
  const [requested, setRequested] = useState(follow === "auto");

  if (run.workflow_execution_id === null) {
    return (
      <Text size="sm">
        Heron returned no execution id for this run, so the console cannot show
        the execution's status.
      </Text>
    );
  }

  if (!requested) {
    return (
      <Group>
        <Button size="xs" variant="default" onClick={() => setRequested(true)}>
          Follow the execution at Heron
        </Button>
      </Group>
    );
  }

  return <ExecutionStatusView runId={run.id} />;
}

function ExecutionStatusView({ runId }: { runId: string }) {
  const status = useExecutionStatus(runId, true);
  const data = status.data;

  return (
    <Stack gap="xs">
      {/* One live region that stays mounted, so each change of status is
          announced, while the node table below stays silent. */}
      <div role="status" aria-live="polite">
        {status.isPending && (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">Reading the execution status from Heron…</Text>
          </Group>
        )}
        {data?.available === true && <StatusLine status={data} />}
        {data?.available === false && (
          <Alert
            color="gray"
            variant="light"
            role="note"
            title="Execution status unavailable"
          >
            <Text size="sm">{data.reason}</Text>
          </Alert>
        )}
      </div>
      {data?.available === true && (
        <>
          <Text size="xs" c="dimmed">
            Read from Heron at <LocalTime iso={data.checked_at} />
          </Text>
          <ExecutionNodesTable nodes={data.nodes} />
        </>
      )}
      {status.isError && (
        <ApiErrorAlert
          title="Could not read the execution status"
          error={status.error}
        >
          <RetryHint error={status.error} />
          <Group>
            <Button
              size="xs"
              variant="default"
              loading={status.isFetching}
              onClick={() => void status.refetch()}
            >
              Check the status again
            </Button>
          </Group>
        </ApiErrorAlert>
      )}
    </Stack>
  );
}

function StatusLine({ status }: { status: ExecutionStatusAvailable }) {
  return (
    <Group gap="xs">
      <Text size="sm" fw={600}>
        Execution status
      </Text>
      <ExecutionStatusBadge status={status.status} />
      <Text size="sm">
        {status.finished
          ? "Finished."
          : "Not finished. The console reads it again until it is."}
      </Text>
    </Group>
  );
}

function RetryHint({ error }: { error: unknown }) {
  const seconds = isApiError(error) ? error.retryAfterSeconds : null;

  if (seconds === null) return null;

  return (
    <Text size="sm">
      Heron's rate limit window resets in about {formatCountdown(seconds)}.
      Check again after that.
    </Text>
  );
}
