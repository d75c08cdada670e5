import { Group, Paper, Skeleton, Stack, VisuallyHidden } from "@mantine/core";

const SKELETON_ROWS = 5;
// About one table row: a two-line time or end user plus cell padding.
const SKELETON_ROW_HEIGHT = 52;
// A labelled input with a description: label, description, input and gaps.
const FILTER_FIELD_HEIGHT = 78;
// Mantine's "xl" drawer width, which the run detail drawer uses.
const DRAWER_WIDTH = 780;

/** Stands in for the table's header and rows while the first page loads. */
export function HistorySkeleton() {
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

/** Stands in for the filter form while its code loads. */
export function HistoryFilterBarSkeleton() {
  return (
    <Group gap="sm" role="status">
      <VisuallyHidden>Loading the history filters…</VisuallyHidden>
      {[220, 220, 180, 200].map((width, i) => (
        <Skeleton key={i} height={FILTER_FIELD_HEIGHT} width={width} />
      ))}
    </Group>
  );
}

/** Stands in for the run detail drawer while its code loads. */
export function RunDetailDrawerSkeleton() {
  return (
    <Paper
      shadow="xl"
      p="md"
      radius={0}
      pos="fixed"
      top={0}
      right={0}
      bottom={0}
      w={`min(100%, ${DRAWER_WIDTH}px)`}
      style={{ zIndex: 200 }}
      role="status"
    >
      <VisuallyHidden>Loading the run details…</VisuallyHidden>
      <Stack gap="sm">
        <Skeleton height={28} width="40%" />
        <Skeleton height={24} />
        <Skeleton height={160} />
      </Stack>
    </Paper>
  );
}
