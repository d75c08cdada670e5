import { Stack, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Run } from "../../../../server/contract/runs";
import { OUTCOME_LABELS } from "../../../lib/run-outcomes";
import { useReconcileRun } from "../api/reconcile-run";
import { ExecutionProgress, type FollowMode } from "./execution-progress";
import { ReconciledNotice } from "./reconciled-notice";
import { UnknownRunCheck } from "./unknown-run-check";

interface RunFollowUpProps {
  run: Run;
  /** Whether a started run's execution is read at once or on request. */
  follow: FollowMode;
  /** Whether staff may check an unknown run at Heron (operators and admins). */
  canCheck?: boolean;
}

/**
 * Shows what staff can do next with a recorded run: check an unknown run
 * again at Heron, or follow a started run's execution.
 */
export function RunFollowUp({
  run,
  follow,
  canCheck = true,
}: RunFollowUpProps) {
  const reconcile = useReconcileRun();

  return (
    <Stack gap="sm">
      {run.outcome === "unknown" && (
        <UnknownRunCheck
          run={run}
          canCheck={canCheck}
          checking={reconcile.isPending}
          checkError={reconcile.error}
          onCheck={() =>
            reconcile.mutate(run.id, {
              onSuccess: (checked) => announceOutcomeChange(run, checked),
            })
          }
        />
      )}
      {run.outcome === "started" && (
        <>
          <ReconciledNotice run={run} />
          <ExecutionProgress key={run.id} run={run} follow={follow} />
        </>
      )}
      {/* Stays mounted across the switch from unknown to started, so the
          check's result is announced either way. */}
      <VisuallyHidden role="status" aria-live="polite">
        {reconcile.data && describeCheck(reconcile.data)}
      </VisuallyHidden>
    </Stack>
  );
}

/** Shows a toast when a check moved the run to another outcome. */
function announceOutcomeChange(before: Run, after: Run) {
  if (after.outcome === before.outcome) return;

  const from = OUTCOME_LABELS[before.outcome];
  const to = OUTCOME_LABELS[after.outcome];
  notifications.show({
    color: after.outcome === "started" ? "green" : "blue",
    title: `Run is now ${to}`,
    message: `A check at Heron changed the ${after.workflow_name} run from ${from} to ${to}.`,
    closeButtonProps: { "aria-label": "Close notification" },
  });
}

function describeCheck(run: Run): string {
  if (run.outcome === "started") {
    return `The check found execution ${run.workflow_execution_id ?? "(no id)"} at Heron. The run is now Started.`;
  }

  const outcome = OUTCOME_LABELS[run.outcome];
  const note = run.reconciliation_note ?? "";

  return `The check did not settle the run. It is still ${outcome}. ${note}`.trim();
}
