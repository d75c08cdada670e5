import {
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { ROLES, type AdminUser } from "../../../../server/contract/auth";
import { ApiErrorAlert } from "../../../components/api-error-alert";
import { LocalTime } from "../../../components/local-time";
import { useUsers } from "../api/list-users";
import { useResetPassword } from "../api/reset-password";
import { useUpdateUser } from "../api/update-user";
import { ROLE_OPTIONS } from "../lib/role-options";
import { AddUserForm } from "./add-user-form";
import {
  ConfirmAccountChange,
  type AccountChange,
} from "./confirm-account-change";
import { OneTimePassword } from "./one-time-password";

interface ShownPassword {
  title: string;
  email: string;
  password: string;
}

/** Staff accounts: add one, change a role, disable or enable, reset a password. */
export function UsersSection({ currentUserId }: { currentUserId: string }) {
  const users = useUsers();
  const updateUser = useUpdateUser();
  const resetPassword = useResetPassword();
  const [shown, setShown] = useState<ShownPassword | null>(null);
  const [pending, setPending] = useState<AccountChange | null>(null);

  function reset(user: AdminUser) {
    resetPassword.mutate(user.id, {
      onSuccess: ({ password }) =>
        setShown({
          title: `New password for ${user.display_name}`,
          email: user.email,
          password,
        }),
    });
  }

  const failure = updateUser.error ?? resetPassword.error;

  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="section"
      aria-labelledby="users-heading"
    >
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id="users-heading">
            Staff
          </Title>
          <Text size="sm" c="dimmed">
            Disabling an account or resetting its password ends all its sessions
            at once. Your own account cannot be disabled, lowered or reset here;
            another admin can do that.
          </Text>
        </div>
        <AddUserForm
          onCreated={({ user, password }) =>
            setShown(
              password === null
                ? null
                : {
                    title: `Added ${user.display_name}`,
                    email: user.email,
                    password,
                  },
            )
          }
        />
        {shown && <OneTimePassword {...shown} onClose={() => setShown(null)} />}
        <ConfirmAccountChange
          change={pending}
          onClose={() => setPending(null)}
        />
        {failure && (
          <ApiErrorAlert title="The change was not saved" error={failure} />
        )}
        {users.isPending && <Skeleton height={120} />}
        {users.isError && (
          <ApiErrorAlert
            title="Could not load the staff accounts"
            error={users.error}
            onRetry={() => void users.refetch()}
          />
        )}
        {users.data && (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs" aria-labelledby="users-heading">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Last sign-in</Table.Th>
                  <Table.Th>Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data.users.map((user) => (
                  <UserRow
                    key={user.id}
                    user={user}
                    isSelf={user.id === currentUserId}
                    busy={updateUser.isPending || resetPassword.isPending}
                    onRoleChange={(role) =>
                      updateUser.mutate({ userId: user.id, change: { role } })
                    }
                    onDisabledChange={(disabled) => {
                      const apply = () =>
                        updateUser.mutate({
                          userId: user.id,
                          change: { disabled },
                        });
                      if (!disabled) return apply();
                      setPending({
                        title: `Disable ${user.display_name}?`,
                        message:
                          `${user.email} is signed out everywhere at once ` +
                          "and cannot sign in until an admin enables the " +
                          "account again.",
                        confirmLabel: "Disable account",
                        run: apply,
                      });
                    }}
                    onResetPassword={() =>
                      setPending({
                        title: `Reset the password of ${user.display_name}?`,
                        message:
                          `The current password of ${user.email} stops ` +
                          "working and their sessions end. The new password " +
                          "is shown once, for you to pass on.",
                        confirmLabel: "Reset password",
                        run: () => reset(user),
                      })
                    }
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

interface UserRowProps {
  user: AdminUser;
  /** The signed-in admin's own row: the server refuses a self-demotion. */
  isSelf: boolean;
  busy: boolean;
  onRoleChange: (role: AdminUser["role"]) => void;
  onDisabledChange: (disabled: boolean) => void;
  onResetPassword: () => void;
}

function UserRow({
  user,
  isSelf,
  busy,
  onRoleChange,
  onDisabledChange,
  onResetPassword,
}: UserRowProps) {
  const disabled = user.disabled_at !== null;

  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={600}>
          {user.display_name}
          {isSelf && " (you)"}
        </Text>
        <Text size="xs" c="dimmed">
          {user.email}
          {user.sso && " · single sign-on"}
        </Text>
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={`Role of ${user.email}`}
          data={ROLE_OPTIONS}
          value={user.role}
          allowDeselect={false}
          disabled={isSelf || busy}
          onChange={(value) => {
            const role = ROLES.find((candidate) => candidate === value);
            if (role && role !== user.role) onRoleChange(role);
          }}
          size="xs"
          w={230}
        />
      </Table.Td>
      <Table.Td>
        {disabled ? (
          <Badge color="red" variant="light">
            Disabled
          </Badge>
        ) : (
          <Badge color="green" variant="light">
            Active
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {user.last_sign_in_at === null ? (
          <Text size="sm">Never</Text>
        ) : (
          <LocalTime iso={user.last_sign_in_at} />
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="compact-xs"
            variant="default"
            disabled={isSelf || busy}
            aria-label={`${disabled ? "Enable" : "Disable"} ${user.email}`}
            onClick={() => onDisabledChange(!disabled)}
          >
            {disabled ? "Enable" : "Disable"}
          </Button>
          {!user.sso && (
            <Button
              size="compact-xs"
              variant="default"
              disabled={isSelf || busy}
              aria-label={`Reset the password of ${user.email}`}
              onClick={onResetPassword}
            >
              Reset password
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
