import { Button, Group, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useRef, useState, type ReactNode } from "react";
import { Controller, useForm } from "react-hook-form";
import type {
  EndUserSummary,
  WorkflowSummary,
} from "../../../../server/contract/heron-data";
import type { StartRunRequest } from "../../../../server/contract/runs";
import { useStartRun } from "../api/start-run";
import { createIdempotencyKey } from "../lib/create-idempotency-key";
import { describeStartFailure } from "../lib/start-failure";
import { triggerFormResolver } from "../lib/trigger-form-resolver";
import {
  DEFAULT_TRIGGER_VALUES,
  type TriggerFieldName,
  type TriggerFormValues,
} from "../lib/trigger-form-values";
import { ParametersField } from "./parameters-field";
import { ReviewModal, type RunReview } from "./review-modal";
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
    });
    setReviewOpened(true);
  });

  // Reopens the review after a duplicate_run error with the same request,
  // confirmed. It is a new submission, so it gets its own key.
  function reviewDuplicate() {
    if (review === null) return;

    setReview({
      ...review,
      request: { ...review.request, allow_duplicate: true },
      idempotencyKey: createIdempotencyKey(),
    });
    setReviewOpened(true);
  }

  function showResult(next: StartResult) {
    setResult(next);
    // Wait for the panel to render before moving focus to it.
    requestAnimationFrame(() => resultRef.current?.focus());
  }

  function confirmStart() {
    // `disabled` alone lets a fast double click through before React
    // re-renders, so a ref guards the start as well.
    if (review === null || startingRef.current) return;
    startingRef.current = true;

    const { request, idempotencyKey } = review;

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
        <Group justify="flex-end">
          <Button type="submit" disabled={startRun.isPending}>
            Review
          </Button>
        </Group>
        {result && (
          <StartResultPanel
            ref={resultRef}
            result={result}
            onViewInHistory={onViewInHistory}
            renderRecordedRun={renderRecordedRun}
            onStartAnyway={reviewDuplicate}
          />
        )}
      </Stack>
      <ReviewModal
        review={review}
        opened={reviewOpened}
        starting={startRun.isPending}
        onConfirm={confirmStart}
        onClose={() => setReviewOpened(false)}
      />
    </form>
  );
}
