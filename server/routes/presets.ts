import { Router, type Request } from "express";

import {
  CreatePresetRequestSchema,
  ListPresetsQuerySchema,
  UpdatePresetRequestSchema,
  type Preset,
  type PresetList,
} from "../contract/presets.js";
import { recordAudit } from "../auth/audit.js";
import { requireRole } from "../auth/guards.js";
import { ApiError } from "../errors.js";
import { parseInput } from "../http/parse-input.js";
import { checkParametersSize, parseJsonBody } from "../http/parse-json-body.js";
import { readJsonText } from "../http/read-json-text.js";
import { accessPresets } from "../runs/database-errors.js";
import type { PresetWriteResult, RunStore } from "../store/run-store.js";

export interface PresetRoutesOptions {
  store: RunStore;
  maxParametersBytes: number;
}

const PRESET_BODY = {
  bodyName: "preset",
  fieldList: "name and workflow_parameters",
};

/** Creates the routes under /api/presets that list, save and delete presets. */
export function presetRoutes(options: PresetRoutesOptions): Router {
  const { store, maxParametersBytes } = options;
  const router = Router();
  const readBody = readJsonText(maxParametersBytes);

  const parametersText = (value: Record<string, unknown>) => {
    // The parsed original, not zod's copy, which loses a "__proto__" key.
    const json = JSON.stringify(value.workflow_parameters);
    checkParametersSize(json, maxParametersBytes);
    return json;
  };

  router.get("/api/presets", async (req, res) => {
    const query = parseInput(ListPresetsQuerySchema, req.query, "preset query");
    const presets = await accessPresets(() =>
      store.listPresets(query.workflow_name),
    );
    const list: PresetList = { presets };
    res.json(list);
  });

  const changePresets = requireRole("operator", "Changing presets");

  router.post("/api/presets", changePresets, readBody, async (req, res) => {
    const { data, value } = parseJsonBody(req.body, CreatePresetRequestSchema, {
      ...PRESET_BODY,
      fieldList: "workflow_name, name and workflow_parameters",
    });
    const preset = {
      workflow_name: data.workflow_name,
      name: data.name,
      workflow_parameters: parametersText(value),
    };
    const result = await accessPresets(() => store.createPreset(preset));
    const saved = savedPreset(result, req.params);
    await recordAudit(req, {
      kind: "preset_created",
      detail: presetDetail(saved),
    });
    res.status(201).location(`/api/presets/${saved.id}`).json(saved);
  });

  router.patch(
    "/api/presets/:id",
    changePresets,
    readBody,
    async (req: Request<{ id: string }>, res) => {
      const { data, value } = parseJsonBody(
        req.body,
        UpdatePresetRequestSchema,
        PRESET_BODY,
      );
      const change = {
        ...(data.expected_updated_at === undefined
          ? {}
          : { expectedUpdatedAt: data.expected_updated_at }),
        ...(data.name === undefined ? {} : { name: data.name }),
        ...(data.workflow_parameters === undefined
          ? {}
          : { workflow_parameters: parametersText(value) }),
      };
      const result = await accessPresets(() =>
        store.updatePreset(req.params.id, change),
      );
      const saved = savedPreset(result, req.params);
      await recordAudit(req, {
        kind: "preset_changed",
        detail: {
          ...presetDetail(saved),
          changed: Object.keys(change).filter(
            (key) => key !== "expectedUpdatedAt",
          ),
        },
      });
      res.json(saved);
    },
  );

  router.delete(
    "/api/presets/:id",
    changePresets,
    async (req: Request<{ id: string }>, res) => {
      const deleted = await accessPresets(() =>
        store.deletePreset(req.params.id),
      );
      if (!deleted) throw presetNotFound(req.params.id);
      await recordAudit(req, {
        kind: "preset_deleted",
        detail: presetDetail(deleted),
      });
      res.status(204).end();
    },
  );

  return router;
}

/** Returns the audit detail that names a preset. */
function presetDetail(preset: Preset): Record<string, string> {
  return {
    preset_id: preset.id,
    workflow_name: preset.workflow_name,
    name: preset.name,
  };
}

function savedPreset(result: PresetWriteResult, params: { id?: string }) {
  if (result.kind === "saved") return result.preset;
  if (result.kind === "not_found") throw presetNotFound(params.id ?? "");
  if (result.kind === "changed") {
    const { name, updated_at } = result.current;
    throw new ApiError(
      409,
      "preset_changed",
      `Someone changed the preset "${name}" at ${updated_at}, after you ` +
        "loaded it, so your change was not saved. The list now shows the " +
        "preset as it is. Apply your change again if it is still needed.",
    );
  }

  const { name, workflow_name } = result.existing;
  const message =
    `The workflow ${workflow_name} already has a preset named "${name}" ` +
    "(names are compared ignoring case). Choose another name, or change " +
    "that preset.";
  throw new ApiError(409, "preset_name_taken", message, {
    fields: { name: [message] },
  });
}

function presetNotFound(id: string): ApiError {
  return new ApiError(
    404,
    "not_found",
    `No preset ${id} exists; someone may have deleted it. Reload the ` +
      "presets and choose again.",
  );
}
