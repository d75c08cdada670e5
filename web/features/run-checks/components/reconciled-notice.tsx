import { Stack, Text } from "@mantine/core";
import type { Run } from "../../../../server/contract/runs";
import { CopyableValue } from "../../../components/copyable-value";
import { LocalTime } from "../../../components/local-time";

/** Explains that a check at Heron, not Heron's start response, made the run started. */
export function ReconciledNotice({ run }: { run: Run }) {
  const reconciledAt = run.reconciled_at ?? null;

  if (reconciledAt === null) return null;

  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        A check at Heron found the execution, so the run is now Started (checked{" "}
        <LocalTime iso={reconciledAt} />
        ).
      </Text>
      {run.workflow_execution_id !== null && (
        <CopyableValue value={run.workflow_execution_id} label="execution id" />
      )}
      {run.reconciliation_note != null && (
        <Text size="sm">{run.reconciliation_note}</Text>
      )}
    </Stack>
  );
}
