import { Box, Grid, Stack } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import type { Run } from "../../server/contract/runs";
import { RegionErrorBoundary } from "../components/region-error-boundary";
import { HistorySection } from "../features/history/components/history-section";
import { RunFollowUp } from "../features/run-checks/components/run-follow-up";
import { draftFromRun, originFromRun } from "../lib/start-draft";
import { OutcomeGuide } from "./outcome-guide";
import {
  hasShareLinkInLocation,
  takeShareLinkFromLocation,
} from "./read-share-link";
import { StartWorkflowCard } from "./start-workflow-card";
import { useFormPrefill } from "./use-form-prefill";
import { ViewerNotice } from "./viewer-notice";

const HISTORY_ID = "history";

interface RunsViewProps {
  /** Whether the signed-in staff member may start runs (operator or admin). */
  canStart: boolean;
  reasonRequired: boolean;
}

/** Lays out the start form (or why it is missing), the outcome guide and the history. */
export function RunsView({ canStart, reasonRequired }: RunsViewProps) {
  const [openRunId, setOpenRunId] = useState<string | null>(null);
  // Noticed during render, as React advises for state that follows a prop.
  const [couldStart, setCouldStart] = useState(canStart);
  const [roleLost, setRoleLost] = useState(false);
  if (canStart !== couldStart) {
    setCouldStart(canStart);
    setRoleLost(couldStart && !canStart);
  }
  // A viewer cannot use a share link, so the page explains why instead.
  const [sharedLinkIgnored, setSharedLinkIgnored] = useState(
    () => !canStart && hasShareLinkInLocation(),
  );
  const prefill = useFormPrefill();
  const { applyDraft, rejectDraft } = prefill;
  const linkReadRef = useRef(false);

  // A share link only fills the form: staff still review and confirm. The
  // ref keeps StrictMode's second effect run from reading the URL again.
  useEffect(() => {
    if (linkReadRef.current) return;
    linkReadRef.current = true;

    const link = takeShareLinkFromLocation();
    if (link === null || !canStart) return;
    if (link.ok) void applyDraft(link.draft, null);
    else rejectDraft(link.message);
  }, [applyDraft, rejectDraft, canStart]);

  function startLike(run: Run) {
    setOpenRunId(null);
    void applyDraft(draftFromRun(run), originFromRun(run));
  }

  function viewInHistory(runId: string) {
    document
      .getElementById(HISTORY_ID)
      ?.scrollIntoView({ behavior: "smooth", block: "start" });
    setOpenRunId(runId);
  }

  return (
    <Stack gap="lg">
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <RegionErrorBoundary region="Start a workflow">
            {canStart ? (
              <StartWorkflowCard
                onViewInHistory={viewInHistory}
                prefill={prefill}
                reasonRequired={reasonRequired}
              />
            ) : (
              <ViewerNotice
                sharedLinkIgnored={sharedLinkIgnored}
                onDismissLink={() => setSharedLinkIgnored(false)}
                roleLost={roleLost}
              />
            )}
          </RegionErrorBoundary>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <OutcomeGuide />
        </Grid.Col>
      </Grid>
      <Box id={HISTORY_ID}>
        <RegionErrorBoundary region="History">
          <HistorySection
            openRunId={openRunId}
            onOpenRun={setOpenRunId}
            onStartLike={canStart ? startLike : null}
            renderRunFollowUp={(run) => (
              <RunFollowUp run={run} follow="on-request" canCheck={canStart} />
            )}
          />
        </RegionErrorBoundary>
      </Box>
    </Stack>
  );
}
