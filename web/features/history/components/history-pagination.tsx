import { Button, Group, Text } from "@mantine/core";

interface HistoryPaginationProps {
  /** 1 for the first page; null after a reload on a later page. */
  pageNumber: number | null;
  /** Rows on this page. */
  runCount: number;
  canFirst: boolean;
  canPrevious: boolean;
  canNext: boolean;
  onFirst: () => void;
  onPrevious: () => void;
  onNext: () => void;
}

/**
 * Moves between keyset pages. There is no page count, because the history
 * API does not count matching runs. "Next page" is off on the last page.
 */
export function HistoryPagination({
  pageNumber,
  runCount,
  canFirst,
  canPrevious,
  canNext,
  onFirst,
  onPrevious,
  onNext,
}: HistoryPaginationProps) {
  const runs = `${runCount} ${runCount === 1 ? "run" : "runs"}`;
  const position =
    pageNumber === null
      ? `A later page, ${runs}`
      : `Page ${pageNumber}, ${runs}`;

  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {position}
      </Text>
      <nav aria-label="History pages">
        <Group gap="sm">
          <Button
            variant="default"
            size="xs"
            onClick={onFirst}
            disabled={!canFirst}
          >
            First page
          </Button>
          <Button
            variant="default"
            size="xs"
            onClick={onPrevious}
            disabled={!canPrevious}
          >
            Previous page
          </Button>
          <Button
            variant="default"
            size="xs"
            onClick={onNext}
            disabled={!canNext}
          >
            Next page
          </Button>
        </Group>
      </nav>
    </Group>
  );
}
