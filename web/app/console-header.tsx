import { Box, Container, Group, Text, Title } from "@mantine/core";
import { SandboxBanner } from "../features/health/components/sandbox-banner";
import { ServerVersion } from "../features/health/components/server-version";

export function ConsoleHeader() {
  return (
    <Box
      component="header"
      bg="white"
      style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}
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
          <ServerVersion />
        </Group>
      </Container>
    </Box>
  );
}
