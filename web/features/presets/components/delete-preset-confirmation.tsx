import { Alert, Button, Group, Text } from "@mantine/core";
import type { Preset } from "../../../../server/contract/presets";

interface DeletePresetConfirmationProps {
  preset: Preset;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before deleting a preset, because presets are shared by all staff. */
export function DeletePresetConfirmation({
  preset,
  pending,
  onConfirm,
  onCancel,
}: DeletePresetConfirmationProps) {
  return (
    <Alert
      color="red"
      variant="light"
      title={`Delete the preset “${preset.name}”?`}
    >
      <Text size="sm">
        Everyone using the console loses this preset of {preset.workflow_name}.
        Runs started from it stay in the history.
      </Text>
      <Group gap="sm" mt="sm">
        <Button color="red" size="xs" onClick={onConfirm} loading={pending}>
          Delete preset
        </Button>
        <Button variant="default" size="xs" onClick={onCancel}>
          Keep it
        </Button>
      </Group>
    </Alert>
  );
}
