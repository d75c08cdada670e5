import { Box, Text } from "@mantine/core";
import { useHealth } from "../../../lib/health";

/**
 * Shows where runs go. In sandbox mode the banner stays on every page and
 * cannot be dismissed, so staff cannot mistake a sandbox run for a real one.
 */
export function SandboxBanner() {
  const health = useHealth();

  if (health.isError) {
    return (
      <Box bg="orange.1" c="black" px="md" py={6} role="status">
        <Text size="sm" fw={600}>
          Could not check whether runs go to Heron or to the sandbox:{" "}
          {health.error.message}
        </Text>
      </Box>
    );
  }

  if (health.data?.heron_mode !== "sandbox") return null;

  return (
    <Box bg="yellow.3" c="black" px="md" py={6}>
      <Text size="sm" fw={700}>
        Sandbox: runs go to the built-in Heron sandbox, not to Heron
      </Text>
    </Box>
  );
}
