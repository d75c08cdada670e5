import { Badge, Group, Stack, Text } from "@mantine/core";
import type { WorkflowSummary } from "../../../../server/contract/heron-data";
import { workflowLabel } from "../lib/workflow-options";

/** Renders one option: the dashboard label, the name when it differs, and "default". */
export function WorkflowOptionContent({
  workflow,
}: {
  workflow: WorkflowSummary;
}) {
  const label = workflowLabel(workflow);

  return (
    <Stack gap={0}>
      <Group gap="xs" wrap="nowrap">
        <Text size="sm">{label}</Text>
        {workflow.is_default && (
          <Badge size="xs" variant="default">
            default
          </Badge>
        )}
      </Group>
      {label !== workflow.name && (
        <Text size="xs" c="dimmed" ff="monospace">
          {workflow.name}
        </Text>
      )}
    </Stack>
  );
}
