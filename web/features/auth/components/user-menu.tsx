import { Badge, Button, Group, Stack, Text } from "@mantine/core";
import { useSignOut } from "../api/sign-out";
import { ROLE_LABELS } from "../lib/roles";
import { useSignedInSession } from "../lib/signed-in-session";

/** Shows the signed-in staff member's name and role, and "Sign out". */
export function UserMenu() {
  const { user } = useSignedInSession();
  const signOut = useSignOut();

  return (
    <Group gap="sm" wrap="nowrap">
      <Stack gap={0} align="flex-end">
        <Text size="sm" fw={600}>
          {user.display_name}
        </Text>
        <Group gap={6} wrap="nowrap">
          <Text size="xs" c="dimmed">
            {user.email}
          </Text>
          <Badge size="sm" variant="light" color="gray">
            {ROLE_LABELS[user.role]}
          </Badge>
        </Group>
      </Stack>
      <Button
        size="xs"
        variant="default"
        loading={signOut.isPending}
        onClick={() => signOut.mutate()}
      >
        Sign out
      </Button>
      {signOut.isError && (
        <Text size="xs" c="var(--mantine-color-error)" role="alert">
          {signOut.error.message}
        </Text>
      )}
    </Group>
  );
}
