import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { Suspense, useState, type ReactNode } from "react";
import type { Run } from "../../../../server/contract/runs";
import { lazyPart } from "../../../components/lazy-part";
import { LazyPartBoundary } from "../../../components/lazy-part-boundary";
import { staffKeys } from "../../../lib/staff-query-keys";
import { useRunList } from "../api/list-runs";
import {
  currentHistorySort,
  EMPTY_HISTORY_FILTERS,
  hasHistoryFilters,
  historyFilterQuery,
  sortHistoryBy,
} from "../lib/history-filters";
import { useUrlHistoryFilters } from "../lib/use-url-history-filters";
import { HistoryLoadError } from "./history-load-error";
import { HistoryPagination } from "./history-pagination";
import {
  HistoryFilterBarSkeleton,
  HistorySkeleton,
  RunDetailDrawerSkeleton,
} from "./history-skeletons";
import { IgnoredOutcomesNotice } from "./ignored-outcomes-notice";
import { RunsTable } from "./runs-table";

// Both are kept out of the page's first script: the filter form carries the
// outcome multi-select, and the drawer loads only once a run is opened.
const HistoryFilterBar = lazyPart(() =>
  import("./history-filter-bar").then((module) => ({
    default: module.HistoryFilterBar,
  })),
);
const RunDetailDrawer = lazyPart(() =>
  import("./run-detail-drawer").then((module) => ({
    default: module.RunDetailDrawer,
  })),
);

const PAGE_SIZE = 20;

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

/**
 * Recorded runs, newest first unless sorted otherwise, one keyset page at a
 * time, with a drawer for one run's full record.
 */
export function HistorySection({
  openRunId,
  onOpenRun,
  renderRunFollowUp,
  onStartLike,
}: HistorySectionProps) {
  const queryClient = useQueryClient();
  const history = useUrlHistoryFilters();
  const { filters, cursor, previousCursors, startsAfterFirstPage } = history;
  const query = {
    ...historyFilterQuery(filters),
    limit: PAGE_SIZE,
    ...(cursor === "" ? {} : { cursor }),
  };
  const runs = useRunList(query);
  const page = runs.data;
  // Mounted from the first opening on, so later closings still animate.
  const [drawerLoaded, setDrawerLoaded] = useState(openRunId !== null);
  if (openRunId !== null && !drawerLoaded) setDrawerLoaded(true);
  // After a reload on a later page the earlier cursors are gone, so neither
  // that page's number nor the numbers of the pages after it are known.
  const pageNumber = startsAfterFirstPage ? null : previousCursors.length + 1;

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
            onClick={() => {
              void runs.refetch();
              // A colleague's first run adds them to the "Started by" list.
              void queryClient.invalidateQueries({ queryKey: staffKeys.all });
            }}
            loading={runs.isFetching}
          >
            Refresh
          </Button>
        </Group>

        {history.ignoredOutcomes.length > 0 && (
          <IgnoredOutcomesNotice
            outcomes={history.ignoredOutcomes}
            onDismiss={history.dismissIgnoredOutcomes}
          />
        )}

        <LazyPartBoundary part="History filters">
          <Suspense fallback={<HistoryFilterBarSkeleton />}>
            <HistoryFilterBar filters={filters} onChange={history.setFilters} />
          </Suspense>
        </LazyPartBoundary>

        {runs.isPending && <HistorySkeleton />}

        {runs.isError && (
          <HistoryLoadError
            error={runs.error}
            query={query}
            onRetry={() => void runs.refetch()}
            onClearFilters={
              hasHistoryFilters(filters)
                ? () => history.setFilters(EMPTY_HISTORY_FILTERS)
                : null
            }
          />
        )}

        {runs.isError && cursor !== "" && (
          <Group>
            <Button variant="default" size="xs" onClick={history.showFirstPage}>
              Go to the first page
            </Button>
          </Group>
        )}

        {page && page.runs.length === 0 && (
          <Text c="dimmed" ta="center" py="xl">
            {emptyMessage(
              cursor !== "",
              hasHistoryFilters(filters),
              onStartLike !== null,
            )}
          </Text>
        )}

        {page && page.runs.length > 0 && (
          <RunsTable
            runs={page.runs}
            onOpenRun={onOpenRun}
            onStartLike={onStartLike}
            sort={currentHistorySort(filters)}
            onSort={(column) =>
              history.setFilters(sortHistoryBy(filters, column))
            }
            fetching={runs.isPlaceholderData}
          />
        )}

        {page && (page.runs.length > 0 || cursor !== "") && (
          <HistoryPagination
            pageNumber={pageNumber}
            runCount={page.runs.length}
            canFirst={cursor !== "" && !runs.isPlaceholderData}
            canPrevious={previousCursors.length > 0 && !runs.isPlaceholderData}
            canNext={page.next_cursor !== null && !runs.isPlaceholderData}
            onFirst={history.showFirstPage}
            onPrevious={history.showPreviousPage}
            onNext={() => {
              if (page.next_cursor) history.showNextPage(page.next_cursor);
            }}
          />
        )}
      </Stack>
      {drawerLoaded && (
        <LazyPartBoundary part="Run details">
          <Suspense fallback={<RunDetailDrawerSkeleton />}>
            <RunDetailDrawer
              runId={openRunId}
              onClose={() => onOpenRun(null)}
              renderFollowUp={renderRunFollowUp}
              onStartLike={onStartLike}
            />
          </Suspense>
        </LazyPartBoundary>
      )}
    </Paper>
  );
}

function emptyMessage(
  laterPage: boolean,
  filtered: boolean,
  canStart: boolean,
): string {
  if (laterPage) return "No more runs. Go back to the first page.";
  if (filtered)
    return "No runs match these filters. Clear them to see every run.";
  return canStart
    ? "No runs yet. Start one above."
    : "No runs yet. Runs that operators start appear here.";
}
