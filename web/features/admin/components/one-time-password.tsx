import {
  Alert,
  Button,
  CopyButton,
  Group,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";

interface OneTimePasswordProps {
  title: string;
  email: string;
  password: string;
  onClose: () => void;
}

/**
 * Shows a generated password. The server returns it only in this response
 * and stores only its hash, so closing the message loses it for good.
 */
export function OneTimePassword({
  title,
  email,
  password,
  onClose,
}: OneTimePasswordProps) {
  return (
    <Alert
      color="green"
      variant="light"
      title={title}
      withCloseButton
      onClose={onClose}
      closeButtonLabel="Close; the password will not be shown again"
    >
      <Stack gap="xs">
        <Text size="sm">
          Give this password to {email} over a channel you trust. It is shown
          only now; if it is lost, reset the password again.
        </Text>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label="Generated password"
            value={password}
            readOnly
            ff="monospace"
            w={320}
            onFocus={(event) => event.currentTarget.select()}
          />
          <CopyButton value={password}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? "Copied" : "Copy"}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}
