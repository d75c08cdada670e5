import { Code, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import type { RunReview } from "../lib/run-review";

/** The end user, workflow, parameters and reason of a start, exactly as they will be sent. */
export function ReviewSummary({ review }: { review: RunReview }) {
  return (
    <>
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
            Heron's dashboard does not offer this workflow for a manual start.
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
      <ReviewSection title="Reason or ticket">
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {review.request.reason ?? "(none given)"}
        </Text>
        <Text size="xs" c="dimmed">
          Recorded in the console's history only; Heron does not receive it.
        </Text>
      </ReviewSection>
    </>
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
