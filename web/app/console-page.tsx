import { Box, Container, Grid, Stack } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import type { Run } from "../../server/contract/runs";
import { RegionErrorBoundary } from "../components/region-error-boundary";
import { HistorySection } from "../features/history/components/history-section";
import { RunFollowUp } from "../features/run-checks/components/run-follow-up";
import { draftFromRun, originFromRun } from "../lib/start-draft";
import { ConsoleHeader } from "./console-header";
import { OutcomeGuide } from "./outcome-guide";
import { takeShareLinkFromLocation } from "./read-share-link";
import { StartWorkflowCard } from "./start-workflow-card";
import { useFormPrefill } from "./use-form-prefill";

const HISTORY_ID = "history";

/** Lays out the one page: header, the start form and outcome guide, then the history. */
export function ConsolePage() {
  const [openRunId, setOpenRunId] = useState<string | null>(null);
  const prefill = useFormPrefill();
  const { applyDraft, rejectDraft } = prefill;
  const linkReadRef = useRef(false);

  // A share link only fills the form: staff still review and confirm. The
  // ref keeps StrictMode's second effect run from reading the URL again.
  useEffect(() => {
    if (linkReadRef.current) return;
    linkReadRef.current = true;

    const link = takeShareLinkFromLocation();
    if (link === null) return;
    if (link.ok) void applyDraft(link.draft, null);
    else rejectDraft(link.message);
  }, [applyDraft, rejectDraft]);

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
    <Box mih="100vh" bg="var(--console-page-background)">
      <ConsoleHeader />
      <Container component="main" size="xl" py="lg">
        <Stack gap="lg">
          <Grid gap="lg" align="flex-start">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <RegionErrorBoundary region="Start a workflow">
                <StartWorkflowCard
                  onViewInHistory={viewInHistory}
                  prefill={prefill}
                />
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
                onStartLike={startLike}
                renderRunFollowUp={(run) => (
                  <RunFollowUp run={run} follow="on-request" />
                )}
              />
            </RegionErrorBoundary>
          </Box>
        </Stack>
      </Container>
    </Box>
  );
}
