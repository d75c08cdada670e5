import type { ReactNode, Ref } from "react";
import type { Run } from "../../../../server/contract/runs";
import { StartFailedPanel, type StartFailure } from "./start-failed-panel";
import { StartedPanel } from "./started-panel";

export type StartResult =
  { kind: "started"; run: Run } | ({ kind: "failed" } & StartFailure);

interface StartResultPanelProps {
  result: StartResult;
  ref?: Ref<HTMLDivElement>;
  onViewInHistory: (runId: string) => void;
  renderRecordedRun: (runId: string) => ReactNode;
  renderRunFollowUp: (run: Run) => ReactNode;
  /** Reopens the review to start again although the pair ran recently. */
  onStartAnyway: () => void;
}

/**
 * Shows what came of the last start. It takes focus after each attempt so
 * screen readers announce it.
 */
export function StartResultPanel({
  result,
  ref,
  onViewInHistory,
  renderRecordedRun,
  renderRunFollowUp,
  onStartAnyway,
}: StartResultPanelProps) {
  return (
    <div ref={ref} tabIndex={-1} style={{ outline: "none" }}>
      {result.kind === "started" ? (
        <StartedPanel
          run={result.run}
          onViewInHistory={onViewInHistory}
          followUp={renderRunFollowUp(result.run)}
        />
      ) : (
        <StartFailedPanel
          failure={result}
          onViewInHistory={onViewInHistory}
          renderRecordedRun={renderRecordedRun}
          onStartAnyway={onStartAnyway}
        />
      )}
    </div>
  );
}
