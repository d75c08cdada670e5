import { Alert, Button, Group, List, Stack, Text } from "@mantine/core";
import { ApiErrorAlert } from "../../../components/api-error-alert";
import { CopyableValue } from "../../../components/copyable-value";
import { isApiError } from "../../../lib/api-error";
import {
  invalidHistoryValues,
  quoteRejectedValue,
  type InvalidHistoryValue,
} from "../lib/invalid-history-query";

interface HistoryLoadErrorProps {
  error: unknown;
  /** The run list query that failed, as sent. */
  query: Record<string, string | number>;
  onRetry: () => void;
  /** Clears every filter, or null when no filter is set. */
  onClearFilters: (() => void) | null;
}

/**
 * Explains why the history did not load. Rejected query values, such as a
 * malformed time from an edited link, are listed with the server's reason
 * and offer "Clear filters", because sending them again would fail the same
 * way. Other failures offer "Try again".
 */
export function HistoryLoadError({
  error,
  query,
  onRetry,
  onClearFilters,
}: HistoryLoadErrorProps) {
  const invalid = invalidHistoryValues(error, query);
  if (invalid.length === 0) {
    return (
      <ApiErrorAlert
        title="Could not load the history"
        error={error}
        onRetry={onRetry}
      />
    );
  }

  const requestId = isApiError(error) ? error.requestId : null;

  return (
    <Alert color="red" variant="light" title="The history filters are invalid">
      <Stack gap="xs">
        <Text size="sm">
          The console rejected these values, so sending the same query again
          would fail too.
          {onClearFilters &&
            " Clear the filters, or set them again above and apply them."}
        </Text>
        <List size="sm" spacing={4}>
          {invalid.map((item) => (
            <List.Item key={item.name}>
              <InvalidValue item={item} />
            </List.Item>
          ))}
        </List>
        {requestId !== null && (
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" c="dimmed">
              Request id
            </Text>
            <CopyableValue value={requestId} label="request id" />
          </Group>
        )}
        {onClearFilters && (
          <Group>
            <Button size="xs" variant="default" onClick={onClearFilters}>
              Clear filters
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

function InvalidValue({ item }: { item: InvalidHistoryValue }) {
  const value = item.value === null ? null : quoteRejectedValue(item.value);

  return (
    <>
      <Text span size="sm" fw={700}>
        {item.label}
      </Text>{" "}
      ({item.name}):{" "}
      {value === null ? (
        "not in the query"
      ) : (
        <Text span size="sm" ff="monospace" style={{ wordBreak: "break-all" }}>
          {value.quoted}
        </Text>
      )}
      {value !== null &&
        value.characters !== null &&
        ` (${value.characters} characters)`}
      . {item.reasons.join(" ")}
    </>
  );
}
