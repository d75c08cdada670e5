import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { isApiError } from "../lib/api-error";
import { CopyableValue } from "./copyable-value";

interface ApiErrorAlertProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
  children?: ReactNode;
}

/** Shows a failed request's message and its request id, which support needs to find the logs. */
export function ApiErrorAlert({
  title,
  error,
  onRetry,
  children,
}: ApiErrorAlertProps) {
  const message = error instanceof Error ? error.message : String(error);
  const requestId = isApiError(error) ? error.requestId : null;

  return (
    <Alert color="red" variant="light" title={title}>
      <Stack gap="xs">
        <Text size="sm">{message}</Text>
        {requestId !== null && (
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" c="dimmed">
              Request id
            </Text>
            <CopyableValue value={requestId} label="request id" />
          </Group>
        )}
        {children}
        {onRetry && (
          <Group>
            <Button size="xs" variant="default" onClick={onRetry}>
              Try again
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
