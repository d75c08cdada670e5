import { Box, Container, Grid, Stack } from "@mantine/core";
import { useState } from "react";
import { RegionErrorBoundary } from "../components/region-error-boundary";
import { HistorySection } from "../features/history/components/history-section";
import { RunFollowUp } from "../features/run-checks/components/run-follow-up";
import { ConsoleHeader } from "./console-header";
import { OutcomeGuide } from "./outcome-guide";
import { StartWorkflowCard } from "./start-workflow-card";

const HISTORY_ID = "history";

/** Lays out the one page: header, the start form and outcome guide, then the history. */
export function ConsolePage() {
  const [openRunId, setOpenRunId] = useState<string | null>(null);

  function viewInHistory(runId: string) {
    document
      .getElementById(HISTORY_ID)
      ?.scrollIntoView({ behavior: "smooth", block: "start" });
    setOpenRunId(runId);
  }

  return (
    <Box mih="100vh" bg="gray.0">
      <ConsoleHeader />
      <Container component="main" size="xl" py="lg">
        <Stack gap="lg">
          <Grid gap="lg" align="flex-start">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <RegionErrorBoundary region="Start a workflow">
                <StartWorkflowCard onViewInHistory={viewInHistory} />
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
