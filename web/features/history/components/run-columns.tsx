import { Stack, Text } from "@mantine/core";
import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import type { Run } from "../../../../server/contract/runs";
import { StackedLocalTime } from "../../../components/local-time";
import { OutcomeBadge } from "../../../components/outcome-badge";
import { TruncatedId } from "../../../components/truncated-id";
import { formatLocalDateTime } from "../../../lib/format-date";
import { formatDuration } from "../../../lib/format-duration";

// The server sorts and cuts the pages, so the table needs no features of its
// own beyond rendering rows.
export const runTableFeatures = tableFeatures({});

// Wide enough for a Heron id's prefix and several characters after it.
const ID_MAX_WIDTH = 80;
// Two lines of this width show the start of most error messages.
const ERROR_MIN_WIDTH = 88;
// Wide enough for a ticket id such as "OPS-12345" and a few words after it.
const REASON_MIN_WIDTH = 96;

const column = createColumnHelper<typeof runTableFeatures, Run>();

export const runColumns = column.columns([
  column.accessor("created_at", {
    header: "Time",
    cell: (info) => <StackedLocalTime iso={info.getValue()} />,
  }),
  column.display({
    id: "end_user",
    header: "End user",
    cell: ({ row }) => (
      <Stack gap={0}>
        <Text size="sm">{row.original.end_user_name ?? "(no name)"}</Text>
        <TruncatedId
          value={row.original.end_user_heron_id}
          maxWidth={ID_MAX_WIDTH}
          dimmed
        />
      </Stack>
    ),
  }),
  column.accessor("workflow_name", {
    header: "Workflow",
    cell: (info) => <Text size="sm">{info.getValue()}</Text>,
  }),
  column.display({
    id: "started_by",
    header: "Started by",
    cell: ({ row }) => <StartedBy run={row.original} />,
  }),
  column.accessor("outcome", {
    header: "Outcome",
    cell: (info) => <OutcomeBadge outcome={info.getValue()} />,
  }),
  column.display({
    id: "execution_status",
    header: "Execution status",
    cell: ({ row }) => <LastExecutionStatus run={row.original} />,
  }),
  column.accessor("http_status", {
    header: "HTTP status",
    cell: (info) => info.getValue() ?? "—",
  }),
  column.accessor("workflow_execution_id", {
    header: "Execution id",
    cell: (info) => {
      const id = info.getValue();
      return id === null ? (
        "—"
      ) : (
        <TruncatedId value={id} maxWidth={ID_MAX_WIDTH} />
      );
    },
  }),
  column.accessor("duration_ms", {
    header: "Duration",
    cell: (info) => formatDuration(info.getValue()),
  }),
  column.accessor("error_message", {
    header: "Error",
    cell: (info) => {
      const message = info.getValue();
      return message === null ? (
        "—"
      ) : (
        <Text size="xs" lineClamp={2} title={message} miw={ERROR_MIN_WIDTH}>
          {message}
        </Text>
      );
    },
  }),
]);

/** Shows who started the run and why. Runs from before sign-in have neither. */
function StartedBy({ run }: { run: Run }) {
  if (run.started_by === null) return "—";

  return (
    <Stack gap={0} miw={REASON_MIN_WIDTH}>
      <Text size="sm" title={run.started_by.email}>
        {run.started_by.display_name}
      </Text>
      {run.reason !== null && (
        <Text size="xs" c="dimmed" lineClamp={2} title={run.reason}>
          {run.reason}
        </Text>
      )}
    </Stack>
  );
}

/** Heron's status for the execution when the console last read it. */
function LastExecutionStatus({ run }: { run: Run }) {
  const status = run.execution_status ?? null;
  const readAt = run.execution_status_at ?? null;

  if (status === null) return "—";

  return (
    <Text
      size="sm"
      title={
        readAt === null ? undefined : `as of ${formatLocalDateTime(readAt)}`
      }
    >
      {status}
    </Text>
  );
}
