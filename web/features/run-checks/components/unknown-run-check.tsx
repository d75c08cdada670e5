import { Button, Group, List, Stack, Text } from "@mantine/core";
import type { Run } from "../../../../server/contract/runs";
import { ApiErrorAlert } from "../../../components/api-error-alert";
import { LocalTime } from "../../../components/local-time";

interface UnknownRunCheckProps {
  run: Run;
  /** False for viewers: the server lets only operators and admins check. */
  canCheck: boolean;
  checking: boolean;
  /** The failed "Check again" request, shown inline. */
  checkError: unknown;
  onCheck: () => void;
}

/**
 * Tells staff what to check before starting an unknown run again, shows the
 * console's last check at Heron and offers to check again.
 */
export function UnknownRunCheck({
  run,
  canCheck,
  checking,
  checkError,
  onCheck,
}: UnknownRunCheckProps) {
  const endUser = run.end_user_name ?? run.end_user_heron_id;

  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        Before starting it again
      </Text>
      <List size="sm" type="ordered" spacing={2}>
        <List.Item>
          In Heron's dashboard, open the executions of {run.workflow_name} for{" "}
          {endUser} and look for one created after{" "}
          <LocalTime iso={run.created_at} />.
        </List.Item>
        <List.Item>
          If there is one, the workflow started. Do not start it again.
        </List.Item>
        <List.Item>
          “Check again” looks for that execution in Heron's execution list.
          Heron marks that list for admin keys, so it may reject the console's
          key.
        </List.Item>
      </List>
      <LastCheck run={run} />
      {canCheck ? (
        <Group>
          <Button
            size="xs"
            variant="default"
            loading={checking}
            onClick={onCheck}
          >
            Check again
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          Checking a run again at Heron needs the operator role; ask an operator
          or an admin.
        </Text>
      )}
      {checkError !== null && (
        <ApiErrorAlert title="The check at Heron failed" error={checkError} />
      )}
    </Stack>
  );
}

function LastCheck({ run }: { run: Run }) {
  const note = run.reconciliation_note ?? null;
  const checkedAt = run.reconciliation_checked_at ?? null;

  if (note === null) {
    return (
      <Text size="sm" c="dimmed">
        The console has not checked this run at Heron yet.
      </Text>
    );
  }

  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        Last check
        {checkedAt !== null && (
          <>
            {", "}
            <LocalTime iso={checkedAt} />
          </>
        )}
      </Text>
      <Text size="sm">{note}</Text>
    </Stack>
  );
}
