import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { useState, type ReactNode } from "react";
import { DialogHeader } from "../../../components/dialog-header";
import { useRecentRuns } from "../api/list-recent-runs";
import { listRepeatedRuns } from "../lib/duplicate-confirmation";
import type { RunReview } from "../lib/run-review";
import { OriginChanges } from "./origin-changes";
import { RateLimitCountdown } from "./rate-limit-countdown";
import { RecentRunsWarning, START_AGAIN_LABEL } from "./recent-runs-warning";
import { ReviewSummary } from "./review-summary";

interface ReviewModalProps {
  review: RunReview | null;
  opened: boolean;
  starting: boolean;
  /** When Heron's rate-limit window resets after a 429, in epoch ms. */
  rateLimitedUntil: number | null;
  rateLimited: boolean;
  /** Heron's remaining start budget, shown beside the start button. */
  startBudget: ReactNode;
  /** Starts the run; `allowDuplicate` is true once a repeat was confirmed. */
  onConfirm: (allowDuplicate: boolean) => void;
  onClose: () => void;
}

export function ReviewModal({
  review,
  opened,
  onClose,
  ...rest
}: ReviewModalProps) {
  return (
    <Modal.Root opened={opened} onClose={onClose} size="lg" centered>
      <Modal.Overlay />
      <Modal.Content>
        <DialogHeader>
          <Modal.Title>Review and start</Modal.Title>
          <Modal.CloseButton aria-label="Close the review" />
        </DialogHeader>
        <Modal.Body>
          {review && (
            // A new review gets a fresh, unticked confirmation.
            <ReviewContent
              key={review.idempotencyKey}
              review={review}
              opened={opened}
              onClose={onClose}
              {...rest}
            />
          )}
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}

type ReviewContentProps = Omit<ReviewModalProps, "review"> & {
  review: RunReview;
};

function ReviewContent({
  review,
  opened,
  starting,
  rateLimitedUntil,
  rateLimited,
  startBudget,
  onConfirm,
  onClose,
}: ReviewContentProps) {
  const [confirmed, setConfirmed] = useState(false);
  const recent = useRecentRuns({
    end_user_heron_id: review.request.end_user_heron_id,
    workflow_name: review.request.workflow_name,
  });
  const repeated = listRepeatedRuns(recent.data?.runs, review.knownDuplicate);
  const needsConfirmation = repeated.length > 0;
  const canStart =
    !starting &&
    !recent.isPending &&
    !rateLimited &&
    (!needsConfirmation || confirmed);

  function start() {
    // The content stays mounted while the modal's closing transition runs.
    if (opened && canStart) onConfirm(needsConfirmation && confirmed);
  }

  // Registered on the document while the review is open. The empty list of
  // ignored tags lets the shortcut work from the "start again" checkbox too.
  useHotkeys([["mod+Enter", start]], []);

  return (
    <Stack gap="md">
      <Text size="sm">
        The console will send exactly this to Heron. Check the end user and the
        parameters before you start.
      </Text>
      {recent.isPending && (
        <Text size="sm" role="status">
          Checking for recent runs of this end user and workflow…
        </Text>
      )}
      {recent.isError && (
        <Text size="sm" c="var(--mantine-color-orange-light-color)">
          Could not check for recent runs: {recent.error.message} If this end
          user and workflow ran recently, the server rejects the start and the
          console then lists the recent run for you to confirm.
        </Text>
      )}
      {needsConfirmation && (
        <RecentRunsWarning
          runs={repeated}
          windowMinutes={recent.data?.window_minutes ?? null}
          confirmed={confirmed}
          onConfirmedChange={setConfirmed}
        />
      )}
      {review.origin && (
        <OriginChanges review={review} origin={review.origin} />
      )}
      <ReviewSummary review={review} />
      <Stack gap={4} align="flex-end">
        {!rateLimited && startBudget}
        {rateLimited && rateLimitedUntil !== null && (
          <RateLimitCountdown
            key={rateLimitedUntil}
            untilMs={rateLimitedUntil}
          />
        )}
        {needsConfirmation && !confirmed && (
          <Text size="sm">
            Tick “{START_AGAIN_LABEL}” above to start this workflow again.
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            onClick={start}
            aria-keyshortcuts="Control+Enter Meta+Enter"
            loading={starting}
            disabled={!canStart}
          >
            Start workflow
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}
