import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import type {
  EndUserSummary,
  WorkflowSummary,
} from "../../../../server/contract/heron-data";
import type { Run, StartRunRequest } from "../../../../server/contract/runs";
import { isApiError } from "../../../lib/api-error";
import { copyShareLink } from "../../../lib/copy-share-link";
import { useIsBefore } from "../../../lib/use-is-before";
import { useStartRun } from "../api/start-run";
import { createIdempotencyKey } from "../lib/create-idempotency-key";
import { withDuplicateChoice } from "../lib/duplicate-confirmation";
import type { FormPrefill } from "../lib/form-prefill";
import { parseJsonParameters } from "../lib/parse-json-parameters";
import type { RunReview } from "../lib/run-review";
import { describeStartFailure } from "../lib/start-failure";
import { triggerFormResolver } from "../lib/trigger-form-resolver";
import {
  DEFAULT_TRIGGER_VALUES,
  type TriggerFieldName,
  type TriggerFormContext,
  type TriggerFormValues,
} from "../lib/trigger-form-values";
import { ParametersField } from "./parameters-field";
import { RateLimitCountdown } from "./rate-limit-countdown";
import { ReviewModal } from "./review-modal";
import { StartResultPanel, type StartResult } from "./start-result-panel";

/** Props the form passes to the presets, which another feature owns. */
export interface PresetSlot {
  workflowName: string | null;
  /** The parameters as parsed, or null while they are not a JSON object. */
  parameters: Record<string, unknown> | null;
  onUse: (parameters: Record<string, unknown>) => void;
}

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
  /** Lets staff fill the parameters from a saved preset, or save them as one. */
  renderPresets: (slot: PresetSlot) => ReactNode;
  onViewInHistory: (runId: string) => void;
  /** Values to fill the form with. Each new `key` replaces what staff typed. */
  prefill: FormPrefill | null;
  /** Whether the server requires a reason or ticket for every start. */
  reasonRequired: boolean;
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
  renderPresets,
  onViewInHistory,
  prefill,
  reasonRequired,
}: TriggerFormProps) {
  const form = useForm<
    TriggerFormValues,
    TriggerFormContext | undefined,
    StartRunRequest
  >({
    resolver: triggerFormResolver,
    context: { reasonRequired },
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
  const formRef = useRef<HTMLFormElement>(null);
  const origin = prefill?.origin ?? null;
  const [workflow, parametersText] = useWatch({
    control: form.control,
    name: ["workflow", "parameters_text"],
  });
  const parsedParameters = parseJsonParameters(parametersText);

  function fillParameters(parameters: Record<string, unknown>) {
    form.setValue("parameters_text", JSON.stringify(parameters, null, 2), {
      shouldDirty: true,
      shouldValidate: true,
    });
  }

  useEffect(() => {
    if (prefill === null) return;

    form.reset({
      end_user: prefill.endUser,
      workflow: prefill.workflow,
      parameters_text: JSON.stringify(prefill.parameters, null, 2),
      // A share link or an earlier run gives what to start, not the reason.
      reason: "",
    });
    formRef.current?.scrollIntoView({ behavior: "smooth", block: "start" });
    formRef.current?.focus({ preventScroll: true });
  }, [form, prefill]);

  const openReview = form.handleSubmit((request) => {
    const { end_user, workflow } = form.getValues();
    if (end_user === null || workflow === null) return;

    setReview({
      request,
      endUser: end_user,
      workflow,
      idempotencyKey: createIdempotencyKey(),
      knownDuplicate: null,
      origin,
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

  // Ctrl+Enter (Cmd+Enter on a Mac) opens the review from any field, the
  // parameters editor included, which would otherwise insert a blank line.
  function handleShortcut(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
    // React events bubble out of the review's portal into this form, but the
    // review handles its own shortcut.
    if (!event.currentTarget.contains(event.target as Node)) return;

    event.preventDefault();
    event.stopPropagation();
    if (!startRun.isPending && !rateLimited) void openReview();
  }

  function copyLink() {
    const { end_user, workflow, parameters_text } = form.getValues();
    const parsed = parseJsonParameters(parameters_text);

    if (!parsed.ok) {
      form.setError("parameters_text", {
        type: "json",
        message: `Fix the parameters before copying a link: ${parsed.problem.message}`,
      });
      return;
    }

    void copyShareLink({
      end_user_heron_id: end_user?.heron_id ?? null,
      workflow_name: workflow?.name ?? null,
      workflow_parameters: parsed.value,
    });
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
    <form
      ref={formRef}
      onSubmit={openReview}
      onKeyDownCapture={handleShortcut}
      noValidate
      aria-label="Start a workflow"
      tabIndex={-1}
      style={{ outline: "none", scrollMarginTop: 16 }}
    >
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
        {renderPresets({
          workflowName: workflow?.name ?? null,
          parameters: parsedParameters.ok ? parsedParameters.value : null,
          onUse: fillParameters,
        })}
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
        <TextInput
          label="Reason or ticket"
          description={
            reasonRequired
              ? "Required. Why you start this run, such as a ticket id; recorded in the history, not sent to Heron."
              : "Optional. Why you start this run, such as a ticket id; recorded in the history, not sent to Heron."
          }
          withAsterisk={reasonRequired}
          error={form.formState.errors.reason?.message}
          {...form.register("reason")}
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
          <Group gap="sm">
            <Button variant="default" onClick={copyLink}>
              Copy link
            </Button>
            <Button
              type="submit"
              disabled={startRun.isPending || rateLimited}
              aria-keyshortcuts="Control+Enter Meta+Enter"
            >
              Review
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            Ctrl+Enter (⌘+Enter on a Mac) opens the review, and starts from it.
          </Text>
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
