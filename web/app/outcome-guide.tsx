import { Box, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { RUN_OUTCOMES } from "../../server/contract/runs";
import { OutcomeBadge } from "../components/outcome-badge";
import { OUTCOME_EXPLANATIONS } from "../lib/run-outcomes";

/** Explains the outcome words used in the result panel and the history. */
export function OutcomeGuide() {
  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="aside"
      aria-labelledby="outcome-guide-heading"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="outcome-guide-heading">
          What the outcomes mean
        </Title>
        <Text size="sm" c="dimmed">
          Every start is recorded, whatever the outcome. Review shows the exact
          request before anything is sent.
        </Text>
        <Stack component="dl" gap="sm" m={0}>
          {RUN_OUTCOMES.map((outcome) => (
            <Group key={outcome} gap="sm" wrap="nowrap" align="flex-start">
              <Box component="dt" w={84} style={{ flexShrink: 0 }}>
                <OutcomeBadge outcome={outcome} />
              </Box>
              <Text component="dd" size="sm" m={0}>
                {OUTCOME_EXPLANATIONS[outcome]}
              </Text>
            </Group>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
