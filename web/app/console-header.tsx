import { Box, Button, Container, Group, Text, Title } from "@mantine/core";
import { UserMenu } from "../features/auth/components/user-menu";
import { SandboxBanner } from "../features/health/components/sandbox-banner";
import { ServerVersion } from "../features/health/components/server-version";
import { ColorSchemeControl } from "./color-scheme-control";
import type { ConsoleView } from "./use-console-view";

interface ConsoleHeaderProps {
  view: ConsoleView;
  onViewChange: (view: ConsoleView) => void;
  /** Whether the signed-in staff member may open the admin view. */
  showAdmin: boolean;
}

export function ConsoleHeader({
  view,
  onViewChange,
  showAdmin,
}: ConsoleHeaderProps) {
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
        <Group justify="space-between" mt="xs">
          {showAdmin ? (
            <Group component="nav" aria-label="Views" gap="xs">
              <ViewLink
                label="Console"
                current={view === "console"}
                onClick={() => onViewChange("console")}
              />
              <ViewLink
                label="Admin"
                current={view === "admin"}
                onClick={() => onViewChange("admin")}
              />
            </Group>
          ) : (
            <div />
          )}
          <UserMenu />
        </Group>
      </Container>
    </Box>
  );
}

function ViewLink({
  label,
  current,
  onClick,
}: {
  label: string;
  current: boolean;
  onClick: () => void;
}) {
  return (
    <Button
      size="xs"
      variant={current ? "light" : "subtle"}
      aria-current={current ? "page" : undefined}
      onClick={onClick}
    >
      {label}
    </Button>
  );
}
