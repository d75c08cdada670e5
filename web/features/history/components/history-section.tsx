import {
  Button,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import type { PaginationState } from "@tanstack/react-table";
import { useState, type ReactNode } from "react";
import type { Run } from "../../../../server/contract/runs";
import { ApiErrorAlert } from "../../../components/api-error-alert";
import { useRunList } from "../api/list-runs";
import { RunDetailDrawer } from "./run-detail-drawer";
import { RunsTable } from "./runs-table";

const PAGE_SIZE = 20;
const SKELETON_ROWS = 5;

interface HistorySectionProps {
  /** The run whose details are open, or null. */
  openRunId: string | null;
  onOpenRun: (runId: string | null) => void;
  /** Shows what can be done next with the open run, such as checking it again. */
  renderRunFollowUp: (run: Run) => ReactNode;
}

/** Recent runs, newest first, with a drawer for one run's full record. */
export function HistorySection({
  openRunId,
  onOpenRun,
  renderRunFollowUp,
}: HistorySectionProps) {
  const [pagination, setPagination] = useState<PaginationState>({
    pageIndex: 0,
    pageSize: PAGE_SIZE,
  });
  const runs = useRunList({
    page: pagination.pageIndex + 1,
    page_size: pagination.pageSize,
  });

  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="section"
      aria-labelledby="history-heading"
    >
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3" id="history-heading">
            History
          </Title>
          <Button
            variant="default"
            size="xs"
            onClick={() => void runs.refetch()}
            loading={runs.isFetching}
          >
            Refresh
          </Button>
        </Group>

        {runs.isPending && <HistorySkeleton />}

        {runs.isError && (
          <ApiErrorAlert
            title="Could not load the history"
            error={runs.error}
            onRetry={() => void runs.refetch()}
          />
        )}

        {runs.data && runs.data.total === 0 && (
          <Text c="dimmed" ta="center" py="xl">
            No runs yet. Start one above.
          </Text>
        )}

        {runs.data && runs.data.total > 0 && (
          <RunsTable
            runs={runs.data.runs}
            total={runs.data.total}
            pagination={pagination}
            onPaginationChange={setPagination}
            onOpenRun={onOpenRun}
            fetching={runs.isPlaceholderData}
          />
        )}
      </Stack>
      <RunDetailDrawer
        runId={openRunId}
        onClose={() => onOpenRun(null)}
        renderFollowUp={renderRunFollowUp}
      />
    </Paper>
  );
}

function HistorySkeleton() {
  return (
    <Stack gap="xs" aria-busy="true" aria-label="Loading the history">
      {Array.from({ length: SKELETON_ROWS }, (_, i) => (
        <Skeleton key={i} height={36} radius="sm" />
      ))}
    </Stack>
  );
}
