import { Alert, Button, Stack, Text } from "@mantine/core";

/**
 * Asks for a page reload after a chunk of an older build failed to load.
 * Trying again without a reload cannot help, because React.lazy keeps the
 * rejected import.
 */
export function ConsoleUpdatedAlert({ title }: { title: string }) {
  return (
    <Alert color="yellow" variant="light" title={title}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          The console was updated since this page opened. Reload the page to use
          the new version.
        </Text>
        <Button
          size="xs"
          variant="default"
          onClick={() => window.location.reload()}
        >
          Reload page
        </Button>
      </Stack>
    </Alert>
  );
}
