import { Button, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useRef, useState, type ReactNode } from "react";
import { Controller, useForm } from "react-hook-form";
import type {
  EndUserSummary,
  WorkflowSummary,
} from "../../../../server/contract/heron-data";
import type { Run, StartRunRequest } from "../../../../server/contract/runs";
import { isApiError } from "../../../lib/api-error";
import { useIsBefore } from "../../../lib/use-is-before";
import { useStartRun } from "../api/start-run";
import { createIdempotencyKey } from "../lib/create-idempotency-key";
import { withDuplicateChoice } from "../lib/duplicate-confirmation";
import type { RunReview } from "../lib/run-review";
import { describeStartFailure } from "../lib/start-failure";
import { triggerFormResolver } from "../lib/trigger-form-resolver";
import {
  DEFAULT_TRIGGER_VALUES,
  type TriggerFieldName,
  type TriggerFormValues,
} from "../lib/trigger-form-values";
import { ParametersField } from "./parameters-field";
import { RateLimitCountdown } from "./rate-limit-countdown";
import { ReviewModal } from "./review-modal";
import { StartResultPanel, type StartResult } from "./start-result-panel";

/** Props the form passes to a picker that another feature owns. */
export interface PickerSlot<T> {
  value: T | null;
  onChange: (value: T | null) => void;
  onBlur: () => void;
  error: string | undefined;
  inputRef: (element: HTMLInputElement | null) => void;
}

interface TriggerFormProps {
  renderEndUserPicker: (slot: PickerSlot<EndUserSummary>) => ReactNode;
  renderWorkflowPicker: (slot: PickerSlot<WorkflowSummary>) => ReactNode;
  /** Shows the run the server recorded for a failed start. */
  renderRecordedRun: (runId: string) => ReactNode;
  /** Shows what can be learned about a started run, such as its execution. */
  renderRunFollowUp: (run: Run) => ReactNode;
  /** Shows Heron's remaining start budget beside the start buttons. */
  renderStartBudget: () => ReactNode;
  onViewInHistory: (runId: string) => void;
}

/**
 * The start form: pick an end user and a workflow, write the parameters,
 * review exactly what will be sent, then start. The pickers come from their
 * own features through the render props.
 */
export function TriggerForm({
  renderEndUserPicker,
  renderWorkflowPicker,
  renderRecordedRun,
  renderRunFollowUp,
  renderStartBudget,
  onViewInHistory,
}: TriggerFormProps) {
  const form = useForm<TriggerFormValues, unknown, StartRunRequest>({
    resolver: triggerFormResolver,
    defaultValues: DEFAULT_TRIGGER_VALUES,
  });
  const startRun = useStartRun();
  const [review, setReview] = useState<RunReview | null>(null);
  const [reviewOpened, setReviewOpened] = useState(false);
  const [result, setResult] = useState<StartResult | null>(null);
  // Set from a 429's retry time. The buttons stay disabled until then and
  // nothing is retried on its own.
  const [rateLimitedUntil, setRateLimitedUntil] = useState<number | null>(null);
  const rateLimited = useIsBefore(rateLimitedUntil);
  const startingRef = useRef(false);
  const resultRef = useRef<HTMLDivElement>(null);

  const openReview = form.handleSubmit((request) => {
    const { end_user, workflow } = form.getValues();
    if (end_user === null || workflow === null) return;

    setReview({
      request,
      endUser: end_user,
      workflow,
      idempotencyKey: createIdempotencyKey(),
      knownDuplicate: null,
    });
    setReviewOpened(true);
  });

  // Reopens the review after a duplicate_run error with the same request.
  // The review lists the recent run and requires a second confirmation. It
  // is a new submission, so it gets its own key.
  function reviewDuplicate() {
    if (review === null || result?.kind !== "failed") return;

    const error = result.error;
    setReview({
      ...review,
      idempotencyKey: createIdempotencyKey(),
      knownDuplicate: isApiError(error) ? error.duplicateOf : null,
    });
    setReviewOpened(true);
  }

  function showResult(next: StartResult) {
    setResult(next);
    // Wait for the panel to render before moving focus to it.
    requestAnimationFrame(() => resultRef.current?.focus());
  }

  function confirmStart(allowDuplicate: boolean) {
    // `disabled` alone lets a fast double click through before React
    // re-renders, so a ref guards the start as well.
    if (review === null || startingRef.current) return;
    startingRef.current = true;

    const { idempotencyKey } = review;
    const request = withDuplicateChoice(review.request, allowDuplicate);

    startRun.mutate(
      { request, idempotencyKey },
      {
        onSuccess: (run) => {
          setReviewOpened(false);
          notifications.show({
            color: "green",
            title: "Workflow started",
            message: `Heron started ${run.workflow_name}.`,
            closeButtonProps: { "aria-label": "Close notification" },
          });
          showResult({ kind: "started", run });
        },
        onError: (error) => {
          setReviewOpened(false);
          const failure = describeStartFailure(error, new Date());
          if (failure.retry) setRateLimitedUntil(failure.retry.at.getTime());

          for (const [field, message] of Object.entries(failure.byField)) {
            form.setError(field as TriggerFieldName, {
              type: "server",
              message,
            });
          }

          showResult({
            kind: "failed",
            error,
            unplaced: failure.unplaced,
            placedOnFields: Object.keys(failure.byField).length > 0,
            retry: failure.retry,
          });
        },
        onSettled: () => {
          startingRef.current = false;
        },
      },
    );
  }

  return (
    <form onSubmit={openReview} noValidate aria-label="Start a workflow">
      <Stack gap="md">
        <Controller
          control={form.control}
          name="end_user"
          render={({ field, fieldState }) => (
            <>
              {renderEndUserPicker({
                value: field.value,
                onChange: field.onChange,
                onBlur: field.onBlur,
                error: fieldState.error?.message,
                inputRef: field.ref,
              })}
            </>
          )}
        />
        <Controller
          control={form.control}
          name="workflow"
          render={({ field, fieldState }) => (
            <>
              {renderWorkflowPicker({
                value: field.value,
                onChange: field.onChange,
                onBlur: field.onBlur,
                error: fieldState.error?.message,
                inputRef: field.ref,
              })}
            </>
          )}
        />
        <Controller
          control={form.control}
          name="parameters_text"
          render={({ field, fieldState }) => (
            <ParametersField
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
            />
          )}
        />
        <Stack gap={4} align="flex-end">
          {/* The countdown replaces the budget line while it runs: a 429
              without rate-limit headers leaves an older budget in place. */}
          {!rateLimited && renderStartBudget()}
          {rateLimitedUntil !== null && (
            <RateLimitCountdown
              key={rateLimitedUntil}
              untilMs={rateLimitedUntil}
            />
          )}
          <Button type="submit" disabled={startRun.isPending || rateLimited}>
            Review
          </Button>
        </Stack>
        {result && (
          <StartResultPanel
            ref={resultRef}
            result={result}
            onViewInHistory={onViewInHistory}
            renderRecordedRun={renderRecordedRun}
            renderRunFollowUp={renderRunFollowUp}
            onStartAnyway={reviewDuplicate}
          />
        )}
      </Stack>
      <ReviewModal
        review={review}
        opened={reviewOpened}
        starting={startRun.isPending}
        rateLimitedUntil={rateLimitedUntil}
        rateLimited={rateLimited}
        startBudget={renderStartBudget()}
        onConfirm={confirmStart}
        onClose={() => setReviewOpened(false)}
      />
    </form>
  );
}
