import { Button, Group, TextInput } from "@mantine/core";
import { useState } from "react";

interface PresetNameFormProps {
  /** The text input's label, such as "Preset name". */
  label: string;
  submitLabel: string;
  initialName?: string;
  pending: boolean;
  /** Disables the submit button for reasons besides an empty name. */
  disabled?: boolean;
  /** The server's message for the last failed attempt. */
  error: string | undefined;
  onSubmit: (name: string) => void;
  onCancel: () => void;
}

/**
 * Asks for a preset's name, to save or rename one. It is not a <form>
 * because it sits inside the start form, so it handles Enter itself.
 */
export function PresetNameForm({
  label,
  submitLabel,
  initialName = "",
  pending,
  disabled = false,
  error,
  onSubmit,
  onCancel,
}: PresetNameFormProps) {
  const [name, setName] = useState(initialName);
  const canSubmit = name.trim() !== "" && !disabled && !pending;

  function submit() {
    if (canSubmit) onSubmit(name);
  }

  return (
    <Group gap="sm" align="flex-start">
      <TextInput
        label={label}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        onKeyDown={(event) => {
          // Enter would otherwise submit the start form around this.
          if (event.key !== "Enter" || event.ctrlKey || event.metaKey) return;
          event.preventDefault();
          submit();
        }}
        error={error}
        w={280}
        // The button that opened this form is gone, so focus moves here.
        autoFocus
      />
      <Button
        mt={25}
        onClick={submit}
        loading={pending}
        disabled={name.trim() === "" || disabled}
      >
        {submitLabel}
      </Button>
      <Button mt={25} variant="default" onClick={onCancel}>
        Cancel
      </Button>
    </Group>
  );
}
