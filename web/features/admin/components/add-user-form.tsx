import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, Button, Group, Select, Text, TextInput } from "@mantine/core";
import { Controller, useForm } from "react-hook-form";
import {
  CreateUserRequestSchema,
  ROLES,
  type CreatedUser,
  type CreateUserRequest,
} from "../../../../server/contract/auth";
import { isApiError } from "../../../lib/api-error";
import { useCreateUser } from "../api/create-user";
import { ROLE_OPTIONS } from "../lib/role-options";

/** Adds a local account with a generated password, which the caller shows once. */
export function AddUserForm({
  onCreated,
}: {
  onCreated: (created: CreatedUser) => void;
}) {
  const createUser = useCreateUser();
  const form = useForm<CreateUserRequest>({
    resolver: zodResolver(CreateUserRequestSchema),
    defaultValues: { email: "", display_name: "", role: "operator" },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit((request) => {
    if (createUser.isPending) return;
    createUser.mutate(request, {
      onSuccess: (created) => {
        form.reset();
        onCreated(created);
      },
      onError: (error) => {
        if (!isApiError(error)) return;
        for (const field of ["email", "display_name", "role"] as const) {
          const message = error.fields[field]?.join(" ");
          if (message) form.setError(field, { type: "server", message });
        }
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Add a staff member">
      <Group align="flex-start" gap="sm">
        <TextInput
          label="Email"
          type="email"
          autoComplete="off"
          error={errors.email?.message}
          w={260}
          {...form.register("email")}
        />
        <TextInput
          label="Display name"
          autoComplete="off"
          error={errors.display_name?.message}
          w={220}
          {...form.register("display_name")}
        />
        <Controller
          control={form.control}
          name="role"
          render={({ field, fieldState }) => (
            <Select
              label="Role"
              data={ROLE_OPTIONS}
              allowDeselect={false}
              value={field.value}
              onChange={(value) =>
                field.onChange(ROLES.find((role) => role === value))
              }
              onBlur={field.onBlur}
              error={fieldState.error?.message}
              w={230}
            />
          )}
        />
        <Button type="submit" mt={25} loading={createUser.isPending}>
          Add staff member
        </Button>
      </Group>
      {createUser.isError && Object.keys(errors).length === 0 && (
        <Alert color="red" variant="light" mt="sm" role="alert">
          <Text size="sm">{createUser.error.message}</Text>
        </Alert>
      )}
    </form>
  );
}
