import { z } from "zod";

import { WORKFLOW_NAME_MAX, type RunOutcome } from "./runs.js";

// Presets are named parameter sets of one workflow, shared by everyone who
// uses the console. Names are unique per workflow, ignoring case.

export const PRESET_NAME_MAX = 80;

// Two names that differ only in the spaces between words look the same in
// the page, so a name has plain single spaces and no control characters.
const presetName = z
  .string({ error: "Give the preset a name." })
  .trim()
  .min(1, "Give the preset a name.")
  .max(PRESET_NAME_MAX, "A preset name is at most 80 characters.")
  .refine(
    (name) => !/\s{2}|[^\S ]|\p{Cc}/u.test(name),
    "A preset name has single spaces between words and no tabs, line " +
      "breaks or control characters. Retype it with single spaces.",
  );

const workflowName = z
  .string({ error: "Choose a workflow." })
  .min(1, "Choose a workflow.")
  .max(WORKFLOW_NAME_MAX, "A workflow name is at most 255 characters.");

// The server also checks the raw JSON text, as for a start: integers beyond
// Number.MAX_SAFE_INTEGER and parameters over the size limit are rejected.
const workflowParameters = z.record(z.string(), z.unknown(), {
  error: 'Parameters must be a JSON object, such as {} or {"key": "value"}.',
});

export interface Preset {
  id: string;
  workflow_name: string;
  name: string;
  workflow_parameters: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

/** GET /api/presets?workflow_name=… */
export const ListPresetsQuerySchema = z.strictObject({
  workflow_name: workflowName,
});

export type ListPresetsQuery = z.infer<typeof ListPresetsQuerySchema>;

/** The presets of one workflow, by name. */
export interface PresetList {
  presets: Preset[];
}

/** POST /api/presets; the response is the new Preset, status 201. */
export const CreatePresetRequestSchema = z.strictObject({
  workflow_name: workflowName,
  name: presetName,
  workflow_parameters: workflowParameters,
});

export type CreatePresetRequest = z.infer<typeof CreatePresetRequestSchema>;

/**
 * PATCH /api/presets/:id renames a preset, replaces its parameters, or both.
 * The response is the updated Preset.
 */
export const UpdatePresetRequestSchema = z
  .strictObject({
    name: presetName.optional(),
    workflow_parameters: workflowParameters.optional(),
    /**
     * The preset's updated_at as the client last read it. When given and the
     * preset changed since, the server rejects the change with 409
     * preset_changed rather than overwrite someone else's change.
     */
    expected_updated_at: z
      .string({ error: "expected_updated_at must be the preset's updated_at." })
      .max(40, "expected_updated_at must be the preset's updated_at.")
      .optional(),
  })
  .refine(
    (update) =>
      update.name !== undefined || update.workflow_parameters !== undefined,
    {
      path: ["request"],
      message: "Give a new name, new workflow_parameters, or both.",
    },
  );

export type UpdatePresetRequest = z.infer<typeof UpdatePresetRequestSchema>;

/** One parameter set used in runs of a workflow. */
export interface RecentParameterSet {
  workflow_parameters: Record<string, unknown>;
  /** created_at of the newest run with exactly these parameters. */
  last_used_at: string;
  last_run_id: string;
  last_outcome: RunOutcome;
}

/**
 * GET /api/workflows/:name/recent-parameters: up to 5 distinct parameter
 * sets of the workflow's runs, newest first. Two sets are distinct when their
 * JSON text differs, so key order counts.
 */
export interface RecentParameters {
  parameter_sets: RecentParameterSet[];
}

export const RECENT_PARAMETER_SETS_MAX = 5;
