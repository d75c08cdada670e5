import { Alert, Checkbox, Group, List, Stack, Text } from "@mantine/core";
import { LocalTime } from "../../../components/local-time";
import { OutcomeBadge } from "../../../components/outcome-badge";
import { formatTimeAgo } from "../../../lib/format-time-ago";
import { useNow } from "../../../lib/use-now";
import type { RecentRunSummary } from "../lib/duplicate-confirmation";

export const START_AGAIN_LABEL = "Start it again anyway";

interface RecentRunsWarningProps {
  runs: RecentRunSummary[];
  /** The server's duplicate window, when the list came from it. */
  windowMinutes: number | null;
  confirmed: boolean;
  onConfirmedChange: (confirmed: boolean) => void;
}

const CLOCK_TICK_MS = 30_000;

/**
 * Lists the recent runs of the same end user and workflow and requires an
 * explicit second confirmation before the start button works.
 */
export function RecentRunsWarning({
  runs,
  windowMinutes,
  confirmed,
  onConfirmedChange,
}: RecentRunsWarningProps) {
  const now = useNow(CLOCK_TICK_MS);
  const count = runs.length === 1 ? "a run" : `${runs.length} runs`;
  const within =
    windowMinutes === null
      ? "recently"
      : `in the last ${windowMinutes} minutes`;

  return (
    <Alert
      color="orange"
      variant="light"
      role="status"
      title="This end user and workflow ran recently"
    >
      <Stack gap="xs">
        <Text size="sm">
          The console recorded {count} of this workflow for this end user{" "}
          {within} that started or may have started:
        </Text>
        <List size="sm" spacing={4} aria-label="Recent runs">
          {runs.map((run) => (
            <List.Item key={run.id}>
              <Stack gap={2}>
                <Group gap={6} wrap="wrap">
                  <OutcomeBadge outcome={run.outcome} />
                  <Text size="sm" span>
                    recorded {formatTimeAgo(run.created_at, now)} (
                    <LocalTime iso={run.created_at} />)
                  </Text>
                </Group>
                {run.outcome === "started" && <ExecutionStatus run={run} />}
              </Stack>
            </List.Item>
          ))}
        </List>
        <Checkbox
          checked={confirmed}
          onChange={(event) => onConfirmedChange(event.currentTarget.checked)}
          label={START_AGAIN_LABEL}
          description="Starting now runs the workflow once more for this end user."
        />
      </Stack>
    </Alert>
  );
}

function ExecutionStatus({ run }: { run: RecentRunSummary }) {
  if (run.execution_status === null) {
    return <Text size="sm">Execution status: not read yet</Text>;
  }

  return (
    <Text size="sm">
      Execution status: {run.execution_status}
      {run.execution_status_at !== null && (
        <>
          {" "}
          (as of <LocalTime iso={run.execution_status_at} />)
        </>
      )}
    </Text>
  );
}
