import { Button, Code, Group, Modal, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import type {
  EndUserSummary,
  WorkflowSummary,
} from "../../../../server/contract/heron-data";
import type { StartRunRequest } from "../../../../server/contract/runs";

/** The request as it will be sent, with the end user and workflow records it names. */
export interface RunReview {
  request: StartRunRequest;
  endUser: EndUserSummary;
  workflow: WorkflowSummary;
  /** Sent as the Idempotency-Key header, new for each review. */
  idempotencyKey: string;
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
            The console will send exactly this to Heron. Check the end user and
            the parameters before you start.
          </Text>
          {review.request.allow_duplicate && (
            <Text
              size="sm"
              fw={600}
              c="var(--mantine-color-orange-light-color)"
            >
              This end user and workflow ran recently. Starting now runs the
              workflow again.
            </Text>
          )}
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
              <Text size="sm" c="var(--mantine-color-orange-light-color)">
                Heron's dashboard does not offer this workflow for a manual
                start.
              </Text>
            )}
          </ReviewSection>
          <ReviewSection title="Parameters">
            <Code
              block
              aria-label="Parameters to send"
              style={{ maxHeight: 280, overflow: "auto" }}
            >
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
  children: ReactNode;
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
