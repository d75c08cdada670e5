import {
  Button,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import type { PaginationState } from "@tanstack/react-table";
import { useState, type ReactNode } from "react";
import type { Run } from "../../../../server/contract/runs";
import { ApiErrorAlert } from "../../../components/api-error-alert";
import { useRunList } from "../api/list-runs";
import {
  currentHistorySort,
  hasHistoryFilters,
  historyFilterQuery,
  sortHistoryBy,
  type HistoryFilters,
} from "../lib/history-filters";
import { useUrlHistoryFilters } from "../lib/use-url-history-filters";
import { HistoryFilterBar } from "./history-filter-bar";
import { RunDetailDrawer } from "./run-detail-drawer";
import { RunsTable } from "./runs-table";

const PAGE_SIZE = 20;
const SKELETON_ROWS = 5;
// About one table row: a two-line time or end user plus cell padding.
const SKELETON_ROW_HEIGHT = 52;

interface HistorySectionProps {
  /** The run whose details are open, or null. */
  openRunId: string | null;
  onOpenRun: (runId: string | null) => void;
  /** Shows what can be done next with the open run, such as checking it again. */
  renderRunFollowUp: (run: Run) => ReactNode;
  /**
   * Fills the start form with a run's end user, workflow and parameters.
   * null hides "Start like this" from staff who may not start runs.
   */
  onStartLike: ((run: Run) => void) | null;
}

/** Recent runs, newest first, with a drawer for one run's full record. */
export function HistorySection({
  openRunId,
  onOpenRun,
  renderRunFollowUp,
  onStartLike,
}: HistorySectionProps) {
  const [pagination, setPagination] = useState<PaginationState>({
    pageIndex: 0,
    pageSize: PAGE_SIZE,
  });
  const [filters, setFilters] = useUrlHistoryFilters();
  const runs = useRunList({
    ...historyFilterQuery(filters),
    page: pagination.pageIndex + 1,
    page_size: pagination.pageSize,
  });

  function changeFilters(next: HistoryFilters) {
    setFilters(next);
    setPagination((current) => ({ ...current, pageIndex: 0 }));
  }

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "sm", lg: "lg" }}
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

        <HistoryFilterBar filters={filters} onChange={changeFilters} />

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
            {hasHistoryFilters(filters)
              ? "No runs match these filters. Clear them to see every run."
              : "No runs yet. Start one above."}
          </Text>
        )}

        {runs.data && runs.data.total > 0 && (
          <RunsTable
            runs={runs.data.runs}
            total={runs.data.total}
            pagination={pagination}
            onPaginationChange={setPagination}
            onOpenRun={onOpenRun}
            onStartLike={onStartLike}
            sort={currentHistorySort(filters)}
            onSort={(column) => changeFilters(sortHistoryBy(filters, column))}
            fetching={runs.isPlaceholderData}
          />
        )}
      </Stack>
      <RunDetailDrawer
        runId={openRunId}
        onClose={() => onOpenRun(null)}
        renderFollowUp={renderRunFollowUp}
        onStartLike={onStartLike}
      />
    </Paper>
  );
}

/** Stands in for the table's header and rows while the first page loads. */
function HistorySkeleton() {
  return (
    <Stack gap={6} role="status">
      <VisuallyHidden>Loading the history…</VisuallyHidden>
      <Skeleton height={20} width="100%" radius="sm" />
      {Array.from({ length: SKELETON_ROWS }, (_, i) => (
        <Skeleton key={i} height={SKELETON_ROW_HEIGHT} radius="sm" />
      ))}
    </Stack>
  );
}
