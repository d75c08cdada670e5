import { Button, Group, Select, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { ApiErrorAlert } from "../../../components/api-error-alert";
import { useCreatePreset } from "../api/create-preset";
import { useDeletePreset } from "../api/delete-preset";
import { usePresets } from "../api/list-presets";
import { useUpdatePreset } from "../api/update-preset";
import { DeletePresetConfirmation } from "./delete-preset-confirmation";
import { PresetNameForm } from "./preset-name-form";
import { RecentParametersSelect } from "./recent-parameters-select";

export interface PresetControlsProps {
  /** The chosen workflow; presets belong to one workflow. */
  workflowName: string | null;
  /** The form's parameters, or null while they are not a valid JSON object. */
  parameters: Record<string, unknown> | null;
  /** Replaces the form's parameters with a preset's. */
  onUse: (parameters: Record<string, unknown>) => void;
}

type Step = "choosing" | "saving" | "renaming" | "deleting";

/**
 * Picks a saved parameter set of the workflow or a recently used one, saves
 * the current parameters as a preset, and renames, updates or deletes the
 * chosen preset.
 */
export function PresetControls({
  workflowName,
  parameters,
  onUse,
}: PresetControlsProps) {
  const presets = usePresets(workflowName);
  const createPreset = useCreatePreset();
  const updatePreset = useUpdatePreset();
  const deletePreset = useDeletePreset();
  const [step, setStep] = useState<Step>("choosing");
  const [chosenId, setChosenId] = useState<string | null>(null);
  const list = presets.data?.presets ?? [];
  // A preset of another workflow, or one deleted meanwhile, counts as none.
  const chosen = list.find((preset) => preset.id === chosenId) ?? null;

  function choose(id: string | null) {
    setChosenId(id);
    setStep("choosing");
    const preset = list.find((candidate) => candidate.id === id);
    if (preset) onUse(preset.workflow_parameters);
  }

  function toast(title: string, message: string) {
    notifications.show({
      color: "green",
      title,
      message,
      closeButtonProps: { "aria-label": "Close notification" },
    });
  }

  function save(name: string) {
    if (workflowName === null || parameters === null) return;

    createPreset.mutate(
      { workflow_name: workflowName, name, workflow_parameters: parameters },
      {
        onSuccess: (preset) => {
          setStep("choosing");
          setChosenId(preset.id);
          toast(
            "Preset saved",
            `Saved “${preset.name}” for ${preset.workflow_name}.`,
          );
        },
      },
    );
  }

  function rename(name: string) {
    if (chosen === null) return;

    const oldName = chosen.name;
    updatePreset.mutate(
      {
        id: chosen.id,
        update: { name, expected_updated_at: chosen.updated_at },
      },
      {
        onSuccess: (preset) => {
          setStep("choosing");
          toast("Preset renamed", `Renamed “${oldName}” to “${preset.name}”.`);
        },
      },
    );
  }

  function update() {
    if (chosen === null || parameters === null) return;

    updatePreset.mutate(
      {
        id: chosen.id,
        update: {
          workflow_parameters: parameters,
          expected_updated_at: chosen.updated_at,
        },
      },
      {
        onSuccess: (preset) =>
          toast(
            "Preset updated",
            `“${preset.name}” now holds the parameters in the editor.`,
          ),
      },
    );
  }

  function remove() {
    if (chosen === null) return;

    deletePreset.mutate(chosen, {
      onSuccess: () => {
        setStep("choosing");
        setChosenId(null);
        toast("Preset deleted", `Deleted “${chosen.name}”.`);
      },
    });
  }

  function startStep(next: Step) {
    createPreset.reset();
    updatePreset.reset();
    deletePreset.reset();
    setStep(next);
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
      <Group gap="sm" align="flex-start">
        <Select
          label="Preset"
          description="Named sets, shared by all staff"
          placeholder={
            presets.isPending
              ? "Loading presets…"
              : list.length === 0
                ? "No presets for this workflow"
                : "Choose a preset"
          }
          data={list.map((preset) => ({
            value: preset.id,
            label: preset.name,
          }))}
          value={chosen?.id ?? null}
          onChange={choose}
          disabled={list.length === 0}
          searchable
          w={280}
          // In place rather than in a portal, so the open list stays inside
          // the page's landmarks.
          comboboxProps={{ withinPortal: false }}
        />
        <RecentParametersSelect workflowName={workflowName} onUse={onUse} />
      </Group>

      {step === "choosing" && (
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            onClick={() => startStep("saving")}
            disabled={parameters === null}
          >
            Save as preset
          </Button>
          {chosen !== null && (
            <>
              <Button
                variant="default"
                size="xs"
                onClick={update}
                loading={updatePreset.isPending}
                disabled={parameters === null}
                aria-label={`Update preset ${chosen.name} with the parameters in the editor`}
              >
                Update preset
              </Button>
              <Button
                variant="default"
                size="xs"
                onClick={() => startStep("renaming")}
                aria-label={`Rename preset ${chosen.name}`}
              >
                Rename
              </Button>
              <Button
                variant="default"
                size="xs"
                onClick={() => startStep("deleting")}
                aria-label={`Delete preset ${chosen.name}`}
              >
                Delete
              </Button>
            </>
          )}
        </Group>
      )}

      {step === "saving" && (
        <PresetNameForm
          label="Preset name"
          submitLabel="Save preset"
          pending={createPreset.isPending}
          disabled={parameters === null}
          error={createPreset.isError ? createPreset.error.message : undefined}
          onSubmit={save}
          onCancel={() => startStep("choosing")}
        />
      )}

      {step === "renaming" && chosen !== null && (
        <PresetNameForm
          label="New preset name"
          submitLabel="Rename preset"
          initialName={chosen.name}
          pending={updatePreset.isPending}
          error={updatePreset.isError ? updatePreset.error.message : undefined}
          onSubmit={rename}
          onCancel={() => startStep("choosing")}
        />
      )}

      {step === "deleting" && chosen !== null && (
        <DeletePresetConfirmation
          preset={chosen}
          pending={deletePreset.isPending}
          onConfirm={remove}
          onCancel={() => startStep("choosing")}
        />
      )}

      {step === "choosing" && updatePreset.isError && (
        <ApiErrorAlert
          title="Could not update the preset"
          error={updatePreset.error}
        />
      )}
      {deletePreset.isError && (
        <ApiErrorAlert
          title="Could not delete the preset"
          error={deletePreset.error}
        />
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
