import { Button, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { ApiErrorAlert } from "../../../components/api-error-alert";
import { useCreatePreset } from "../api/create-preset";
import { usePresets } from "../api/list-presets";

export interface PresetControlsProps {
  /** The chosen workflow; presets belong to one workflow. */
  workflowName: string | null;
  /** The form's parameters, or null while they are not a valid JSON object. */
  parameters: Record<string, unknown> | null;
  /** Replaces the form's parameters with a preset's. */
  onUse: (parameters: Record<string, unknown>) => void;
}

/** Picks a saved parameter set of the workflow, or saves the current one. */
export function PresetControls({
  workflowName,
  parameters,
  onUse,
}: PresetControlsProps) {
  const presets = usePresets(workflowName);
  const createPreset = useCreatePreset();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState("");
  const list = presets.data?.presets ?? [];

  function use(id: string | null) {
    const preset = list.find((candidate) => candidate.id === id);
    if (preset) onUse(preset.workflow_parameters);
  }

  function save() {
    if (workflowName === null || parameters === null) return;

    createPreset.mutate(
      { workflow_name: workflowName, name, workflow_parameters: parameters },
      {
        onSuccess: (preset) => {
          setNaming(false);
          setName("");
          notifications.show({
            color: "green",
            title: "Preset saved",
            message: `Saved “${preset.name}” for ${preset.workflow_name}.`,
            closeButtonProps: { "aria-label": "Close notification" },
          });
        },
      },
    );
  }

  if (workflowName === null) {
    return (
      <Text size="sm" c="dimmed">
        Choose a workflow to use or save its parameter presets.
      </Text>
    );
  }

  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end">
        <Select
          label="Preset"
          placeholder={
            presets.isPending
              ? "Loading presets…"
              : list.length === 0
                ? "No presets for this workflow"
                : "Fill the parameters from a preset"
          }
          data={list.map((preset) => ({
            value: preset.id,
            label: preset.name,
          }))}
          value={null}
          onChange={use}
          disabled={list.length === 0}
          searchable
          w={280}
        />
        {!naming && (
          <Button
            variant="default"
            onClick={() => setNaming(true)}
            disabled={parameters === null}
          >
            Save as preset
          </Button>
        )}
      </Group>
      {naming && (
        <Group gap="sm" align="flex-start">
          <TextInput
            label="Preset name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            onKeyDown={(event) => {
              // Enter would otherwise submit the start form around this.
              if (event.key !== "Enter" || event.ctrlKey || event.metaKey)
                return;
              event.preventDefault();
              save();
            }}
            error={
              createPreset.isError ? createPreset.error.message : undefined
            }
            w={280}
            data-autofocus
          />
          <Button
            mt={25}
            onClick={save}
            loading={createPreset.isPending}
            disabled={name.trim() === "" || parameters === null}
          >
            Save preset
          </Button>
          <Button
            mt={25}
            variant="default"
            onClick={() => {
              setNaming(false);
              createPreset.reset();
            }}
          >
            Cancel
          </Button>
        </Group>
      )}
      {presets.isError && (
        <ApiErrorAlert
          title="Could not load the presets"
          error={presets.error}
          onRetry={() => void presets.refetch()}
        />
      )}
    </Stack>
  );
}
