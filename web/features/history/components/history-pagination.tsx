import { Button, Group, Text } from "@mantine/core";

interface HistoryPaginationProps {
  pageIndex: number;
  pageCount: number;
  canPrevious: boolean;
  canNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  total: number;
}

export function HistoryPagination({
  pageIndex,
  pageCount,
  canPrevious,
  canNext,
  onPrevious,
  onNext,
  total,
}: HistoryPaginationProps) {
  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm" c="dimmed">
        {total} {total === 1 ? "run" : "runs"} in total
      </Text>
      <nav aria-label="History pages">
        <Group gap="sm">
          <Button
            variant="default"
            size="xs"
            onClick={onPrevious}
            disabled={!canPrevious}
          >
            Previous
          </Button>
          <Text size="sm" aria-live="polite">
            Page {pageIndex + 1} of {pageCount}
          </Text>
          <Button
            variant="default"
            size="xs"
            onClick={onNext}
            disabled={!canNext}
          >
            Next
          </Button>
        </Group>
      </nav>
    </Group>
  );
}
