import {
  Button,
  Stack,
  Table,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from "@mantine/core";
import { useTable } from "@tanstack/react-table";
import type { HistorySortColumn } from "../../../../server/contract/history";
import type { Run } from "../../../../server/contract/runs";
import { copyShareLink } from "../../../lib/copy-share-link";
import { formatLocalDateTime } from "../../../lib/format-date";
import { draftFromRun } from "../../../lib/start-draft";
import { runColumns, runTableFeatures } from "./run-columns";
import classes from "./runs-table.module.css";

// Table columns that the history API can sort by, with the API's name.
const SORTABLE_COLUMNS: Record<string, HistorySortColumn> = {
  created_at: "created_at",
  end_user: "end_user_name",
  workflow_name: "workflow_name",
  outcome: "outcome",
  duration_ms: "duration_ms",
};

export interface HistorySort {
  column: HistorySortColumn;
  order: "asc" | "desc";
}

// About the width the columns need with their ids and errors cut short. A
// 1024 px window leaves the table about 966 px, so it fits without scrolling
// from there up, and scrolls sideways below.
const TABLE_MIN_WIDTH = 960;

interface RunsTableProps {
  runs: Run[];
  onOpenRun: (runId: string) => void;
  /** Fills the start form with this run's end user, workflow and parameters. */
  onStartLike: ((run: Run) => void) | null;
  sort: HistorySort;
  onSort: (column: HistorySortColumn) => void;
  fetching: boolean;
}

/** Renders the history as a table. A row click or its Details button opens the run. */
export function RunsTable({
  runs,
  onOpenRun,
  onStartLike,
  sort,
  onSort,
  fetching,
}: RunsTableProps) {
  const table = useTable({
    features: runTableFeatures,
    columns: runColumns,
    data: runs,
    getRowId: (run) => run.id,
  });

  return (
    <>
      <Text size="xs" c="dimmed" hiddenFrom="md">
        Scroll the table sideways to see every column.
      </Text>
      {/* The scrollbar shows whenever the table overflows, so staff on a
          narrow screen can see there are more columns to the right. */}
      <Table.ScrollContainer
        minWidth={TABLE_MIN_WIDTH}
        scrollAreaProps={{ type: "auto", offsetScrollbars: "x" }}
      >
        <Table
          aria-labelledby="history-heading"
          highlightOnHover
          verticalSpacing="xs"
          horizontalSpacing={8}
          style={{ opacity: fetching ? 0.7 : 1 }}
        >
          <Table.Thead>
            {table.getHeaderGroups().map((group) => (
              <Table.Tr key={group.id}>
                {group.headers.map((header) => {
                  const sortColumn = SORTABLE_COLUMNS[header.id];
                  if (!sortColumn) {
                    return (
                      <Table.Th key={header.id} scope="col">
                        <table.FlexRender header={header} />
                      </Table.Th>
                    );
                  }

                  const active = sort.column === sortColumn;
                  const direction =
                    sort.order === "asc" ? "ascending" : "descending";
                  let arrow = "";
                  if (active) arrow = sort.order === "asc" ? " ▲" : " ▼";
                  return (
                    <Table.Th
                      key={header.id}
                      scope="col"
                      aria-sort={active ? direction : "none"}
                    >
                      <UnstyledButton
                        onClick={() => onSort(sortColumn)}
                        fw={700}
                        fz="sm"
                      >
                        <table.FlexRender header={header} />
                        <span aria-hidden="true">{arrow}</span>
                      </UnstyledButton>
                    </Table.Th>
                  );
                })}
                <Table.Th scope="col" className={classes.actions}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {table.getRowModel().rows.map((row) => (
              <Table.Tr
                key={row.id}
                onClick={() => onOpenRun(row.id)}
                style={{ cursor: "pointer" }}
              >
                {row.getAllCells().map((cell) => (
                  <Table.Td key={cell.id}>
                    <table.FlexRender cell={cell} />
                  </Table.Td>
                ))}
                <Table.Td
                  className={classes.actions}
                  onClick={(event) => event.stopPropagation()}
                >
                  <RowActions
                    run={row.original}
                    onOpenRun={onOpenRun}
                    onStartLike={onStartLike}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

function RowActions({
  run,
  onOpenRun,
  onStartLike,
}: {
  run: Run;
  onOpenRun: (runId: string) => void;
  onStartLike: ((run: Run) => void) | null;
}) {
  // Each name begins with the button's visible text, so a person using
  // speech input can name the button by what they see.
  const runDescription = `the ${run.workflow_name} run at ${formatLocalDateTime(run.created_at)}`;

  return (
    // Stacked, the three buttons take the width of the longest one.
    <Stack gap={4} align="stretch" w="max-content">
      <Button
        size="compact-xs"
        variant="default"
        aria-label={`Details: ${runDescription}`}
        onClick={() => onOpenRun(run.id)}
      >
        Details
      </Button>
      {onStartLike && (
        <Button
          size="compact-xs"
          variant="default"
          aria-label={`Start like this: ${runDescription}`}
          onClick={() => onStartLike(run)}
        >
          Start like this
        </Button>
      )}
      <Button
        size="compact-xs"
        variant="default"
        aria-label={`Copy link: start like ${runDescription}`}
        onClick={() => void copyShareLink(draftFromRun(run))}
      >
        Copy link
      </Button>
    </Stack>
  );
}
