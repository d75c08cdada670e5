import { Button, Group, Modal, Text } from "@mantine/core";

export interface AccountChange {
  title: string;
  message: string;
  confirmLabel: string;
  run: () => void;
}

/**
 * Asks before a change that locks someone out. Disabling an account and
 * replacing its password both end that person's sessions at once.
 */
export function ConfirmAccountChange({
  change,
  onClose,
}: {
  change: AccountChange | null;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={change !== null}
      onClose={onClose}
      title={change?.title}
      centered
    >
      <Text size="sm">{change?.message}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button
          color="red"
          onClick={() => {
            change?.run();
            onClose();
          }}
        >
          {change?.confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
