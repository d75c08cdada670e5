import { Button, Code, Group, Modal, Stack, Text, Title } from "@mantine/core";
import type {
  EndUserSummary,
  WorkflowSummary,
} from "../../../../server/contract/heron-data";
import type { StartRunRequest } from "../../../../server/contract/runs";

/** What the review step shows: the request as it will be sent, and whom it names. */
export interface RunReview {
  request: StartRunRequest;
  endUser: EndUserSummary;
  workflow: WorkflowSummary;
}

interface ReviewModalProps {
  review: RunReview | null;
  opened: boolean;
  starting: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

export function ReviewModal({
  review,
  opened,
  starting,
  onConfirm,
  onClose,
}: ReviewModalProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Review and start"
      size="lg"
      centered
      closeButtonProps={{ "aria-label": "Close the review" }}
    >
      {review && (
        <Stack gap="md">
          <Text size="sm">
            The console will send exactly this to Heron. Check the end user
            and the parameters before you start.
          </Text>
          <ReviewSection title="End user">
            <Text size="sm" fw={600}>
              {review.endUser.name ?? "(no name)"}
            </Text>
            <Text size="sm">
              end_user_id: <Code>{review.endUser.end_user_id}</Code>
            </Text>
            <Text size="sm">
              heron id: <Code>{review.request.end_user_heron_id}</Code>
            </Text>
          </ReviewSection>
          <ReviewSection title="Workflow">
            <Code>{review.request.workflow_name}</Code>
            {!review.workflow.dashboard_trigger_enabled && (
              <Text size="sm" c="orange.9">
                Heron's dashboard does not offer this workflow for a manual
                start.
              </Text>
            )}
          </ReviewSection>
          <ReviewSection title="Parameters">
            <Code block aria-label="Parameters to send" style={{ maxHeight: 280, overflow: "auto" }}>
              {JSON.stringify(review.request.workflow_parameters, null, 2)}
            </Code>
          </ReviewSection>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={onConfirm} loading={starting} disabled={starting}>
              Start workflow
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function ReviewSection({
  title,
  children,
}: {
  title: string;
  children: React.ReactNode;
}) {
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
