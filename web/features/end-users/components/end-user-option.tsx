import { Badge, Group, Stack, Text } from "@mantine/core";
import type { EndUserSummary } from "../../../../server/contract/heron-data";

/** Returns the name to show for an end user, or end_user_id when Heron has no name. */
export function endUserDisplayName(user: EndUserSummary): string {
  return user.name ?? user.end_user_id;
}

interface EndUserOptionContentProps {
  user: EndUserSummary;
  exact: boolean;
}

/**
 * Renders one option's content. Every value from Heron is a React text child, so a
 * name such as `<img src=x onerror=alert(1)>` shows as those characters.
 */
export function EndUserOptionContent({
  user,
  exact,
}: EndUserOptionContentProps) {
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" fw={600} truncate>
          {user.name ?? "(no name)"}
        </Text>
        {exact && (
          <Badge size="xs" variant="outline" color="dark">
            exact match
          </Badge>
        )}
        {user.status !== null && (
          <Text size="xs" c="dimmed">
            {user.status}
          </Text>
        )}
      </Group>
      <Text size="xs" c="dimmed" ff="monospace">
        {user.end_user_id} · {user.heron_id}
      </Text>
    </Stack>
  );
}
