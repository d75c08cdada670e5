import { Drawer, Skeleton, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import type { Run } from "../../../../server/contract/runs";
import { ApiErrorAlert } from "../../../components/api-error-alert";
import { DialogHeader } from "../../../components/dialog-header";
import { useRun } from "../api/get-run";
import { RunDetails } from "./run-details";

interface RunDetailDrawerProps {
  runId: string | null;
  onClose: () => void;
  renderFollowUp: (run: Run) => ReactNode;
  onStartLike: ((run: Run) => void) | null;
}

export function RunDetailDrawer({
  runId,
  onClose,
  renderFollowUp,
  onStartLike,
}: RunDetailDrawerProps) {
  const run = useRun(runId);

  return (
    <Drawer.Root
      opened={runId !== null}
      onClose={onClose}
      position="right"
      size="xl"
    >
      <Drawer.Overlay />
      <Drawer.Content>
        <DialogHeader>
          <Drawer.Title>Run details</Drawer.Title>
          <Drawer.CloseButton aria-label="Close run details" />
        </DialogHeader>
        <Drawer.Body>
          {run.isPending && (
            <Stack gap="sm">
              <Skeleton height={24} />
              <Skeleton height={160} />
            </Stack>
          )}
          {run.isError && (
            <ApiErrorAlert
              title="Could not load this run"
              error={run.error}
              onRetry={() => void run.refetch()}
            />
          )}
          {run.data && (
            <RunDetails
              run={run.data}
              followUp={renderFollowUp(run.data)}
              onStartLike={onStartLike}
            />
          )}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}
