import { Alert, Badge, Code, Group, Stack, Text } from "@mantine/core";
import type { WorkflowSummary } from "../../../../server/contract/heron-data";
import { NOT_ENABLED_GROUP, workflowLabel } from "../lib/workflow-options";

/**
 * Shows the chosen workflow's dashboard label, name, whether it is the
 * default, its owners, and a warning when Heron's dashboard does not offer it.
 */
export function WorkflowDetails({ workflow }: { workflow: WorkflowSummary }) {
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {workflowLabel(workflow)}
        </Text>
        {workflow.is_default && (
          <Badge size="sm" variant="default">
            default
          </Badge>
        )}
      </Group>
      <Text size="sm">
        Name sent to Heron: <Code>{workflow.name}</Code>
      </Text>
      {!workflow.dashboard_trigger_enabled && (
        <Alert color="orange" variant="light" title={NOT_ENABLED_GROUP}>
          <Text size="sm">
            Heron's dashboard does not offer this workflow for a manual start,
            but Heron's API accepts the request. Check with its owners that a
            manual run is expected before you start it.
          </Text>
        </Alert>
      )}
      <WorkflowOwners owners={workflow.owners} />
    </Stack>
  );
}

function WorkflowOwners({ owners }: { owners: WorkflowSummary["owners"] }) {
  const emails = owners.user_email;
  const groups = owners.group_slack_name;

  if (emails.length === 0 && groups.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Heron lists no owners for this workflow.
      </Text>
    );
  }

  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        Owners
      </Text>
      {emails.length > 0 && <Text size="sm">Email: {emails.join(", ")}</Text>}
      {groups.length > 0 && <Text size="sm">Slack: {groups.join(", ")}</Text>}
    </Stack>
  );
}
