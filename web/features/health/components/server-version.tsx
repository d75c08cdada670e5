import { Text } from "@mantine/core";
import { useHealth } from "../../../lib/health";

export function ServerVersion() {
  const health = useHealth();

  if (!health.data) return null;

  return (
    <Text size="xs" c="dimmed">
      Server {health.data.version}
    </Text>
  );
}
