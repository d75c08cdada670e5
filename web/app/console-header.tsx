import { Box, Container, Group, Text, Title } from "@mantine/core";
import { SandboxBanner } from "../features/health/components/sandbox-banner";
import { ServerVersion } from "../features/health/components/server-version";
import { ColorSchemeControl } from "./color-scheme-control";

export function ConsoleHeader() {
  return (
    <Box
      component="header"
      bg="var(--mantine-color-body)"
      style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}
    >
      <SandboxBanner />
      <Container size="xl" py="sm">
        <Group justify="space-between">
          <Group gap="sm" align="baseline">
            <Title order={1} size="h3">
              Heron Workflow Console
            </Title>
            <Text size="sm" c="dimmed">
              Start Heron Data workflows by hand and see what happened
            </Text>
          </Group>
          <Group gap="md">
            <ColorSchemeControl />
            <ServerVersion />
          </Group>
        </Group>
      </Container>
    </Box>
  );
}
