import type { UserWorkflow } from "../heron-types.js";
import { deepFreeze } from "./deep-freeze.js";
import { heronId, SeededRandom } from "./seeded-random.js";

/** Heron's UserWorkflowSchema with every field the sandbox fills. */
export type SeedWorkflow = Required<UserWorkflow>;

export type ParameterType = "string" | "email" | "integer" | "boolean" | "date";

/** One field of a workflow's own parameter schema. */
export interface ParameterRule {
  type: ParameterType;
  required?: boolean;
  /** Allowed values, for strings. */
  choices?: readonly string[];
  /** Inclusive bounds, for integers. */
  min?: number;
  max?: number;
}

/** A seeded workflow with what the sandbox needs to run it. */
export interface WorkflowDefinition {
  workflow: SeedWorkflow;
  /** Node ids in the order an execution runs them. */
  nodes: readonly string[];
  /** Rules for workflow_parameters. Keys without a rule pass unchecked. */
  parameters: Readonly<Record<string, ParameterRule>>;
  /** Index of the node where every execution fails, when it does. */
  failsAtNode?: number;
  failureMessage?: string;
  versionId: number;
  versionNumber: number;
}

type DefinitionInput = Omit<WorkflowDefinition, "workflow"> & {
  workflow: Omit<SeedWorkflow, "heron_id">;
};

const SEED = 19072021;
const NO_OWNERS = { user_email: [], group_slack_name: [] };

const DEFINITIONS: readonly DefinitionInput[] = [
  {
    workflow: {
      name: "Standard processing",
      is_default: true,
      dashboard_trigger_enabled: true,
      dashboard_trigger_label: "Process end user",
      alerts_muted_until: null,
      owners: {
        user_email: ["ops-lead@example.com"],
        group_slack_name: ["@underwriting-ops"],
      },
    },
    nodes: [
      "fetch_data_sources",
      "categorise_transactions",
      "compute_scorecard",
      "notify_owner",
    ],
    parameters: {},
    versionId: 1101,
    versionNumber: 7,
  },
  {
    workflow: {
      name: "send_report",
      is_default: false,
      dashboard_trigger_enabled: true,
      dashboard_trigger_label: "Send report",
      alerts_muted_until: null,
      owners: { user_email: ["reporting@example.com"], group_slack_name: [] },
    },
    nodes: ["build_report", "render_pdf", "send_email"],
    parameters: {
      email: { type: "email", required: true },
      period: {
        type: "string",
        choices: ["last_30_days", "last_90_days", "last_12_months"],
      },
    },
    versionId: 1102,
    versionNumber: 3,
  },
  {
    workflow: {
      name: "Recalculate scorecard",
      is_default: false,
      dashboard_trigger_enabled: false,
      dashboard_trigger_label: null,
      alerts_muted_until: null,
      owners: NO_OWNERS,
    },
    nodes: ["load_transactions", "compute_scorecard"],
    parameters: {
      months: { type: "integer", min: 1, max: 36 },
      as_of: { type: "date" },
    },
    versionId: 1103,
    versionNumber: 12,
  },
  {
    workflow: {
      name: "Refresh credit bureau",
      is_default: false,
      dashboard_trigger_enabled: true,
      dashboard_trigger_label: "Refresh bureau data",
      alerts_muted_until: null,
      owners: { user_email: [], group_slack_name: ["#risk-alerts"] },
    },
    nodes: ["request_bureau_report", "parse_bureau_report", "update_scorecard"],
    parameters: {},
    failsAtNode: 1,
    failureMessage: "The bureau report could not be parsed: empty response.",
    versionId: 1104,
    versionNumber: 2,
  },
  {
    workflow: {
      name: "Sync accounting data",
      is_default: false,
      dashboard_trigger_enabled: false,
      dashboard_trigger_label: null,
      alerts_muted_until: null,
      owners: NO_OWNERS,
    },
    nodes: ["connect_accounting_api", "import_ledgers"],
    parameters: {},
    versionId: 1105,
    versionNumber: 1,
  },
  {
    workflow: {
      name: "Flag for manual review",
      is_default: false,
      dashboard_trigger_enabled: true,
      dashboard_trigger_label: "Request review",
      alerts_muted_until: null,
      owners: {
        user_email: ["risk-team@example.com", "ana.garcia@example.com"],
        group_slack_name: ["@risk-reviewers"],
      },
    },
    nodes: ["create_review_task", "notify_reviewers"],
    parameters: {
      reason: { type: "string", required: true },
      priority: { type: "string", choices: ["low", "normal", "high"] },
    },
    versionId: 1106,
    versionNumber: 5,
  },
  {
    workflow: {
      name: "Revisión manual – España",
      is_default: false,
      dashboard_trigger_enabled: true,
      dashboard_trigger_label: "Revisión manual",
      alerts_muted_until: null,
      owners: { user_email: ["riesgos@example.es"], group_slack_name: [] },
    },
    nodes: ["preparar_expediente", "notificar_equipo"],
    parameters: {},
    versionId: 1107,
    versionNumber: 1,
  },
  {
    workflow: {
      name: "Archive end user",
      is_default: false,
      dashboard_trigger_enabled: false,
      dashboard_trigger_label: "Archive",
      alerts_muted_until: null,
      owners: NO_OWNERS,
    },
    nodes: ["archive_documents", "mark_archived"],
    parameters: {},
    versionId: 1108,
    versionNumber: 4,
  },
  {
    // Enabled for the dashboard but without a label, as Heron allows.
    workflow: {
      name: "notify_slack",
      is_default: false,
      dashboard_trigger_enabled: true,
      dashboard_trigger_label: null,
      alerts_muted_until: null,
      owners: { user_email: [], group_slack_name: ["#ops-notifications"] },
    },
    nodes: ["post_message"],
    parameters: {
      channel: { type: "string", required: true },
      mention_owners: { type: "boolean" },
    },
    versionId: 1109,
    versionNumber: 2,
  },
  {
    workflow: {
      name: "Monthly covenant check",
      is_default: false,
      dashboard_trigger_enabled: false,
      dashboard_trigger_label: null,
      alerts_muted_until: "2026-01-01T00:00:00.000Z",
      owners: { user_email: ["credit@example.com"], group_slack_name: [] },
    },
    nodes: ["load_covenants", "evaluate_covenants", "notify_owner"],
    parameters: {},
    versionId: 1110,
    versionNumber: 9,
  },
];

let cachedDefinitions: readonly WorkflowDefinition[] | undefined;

/** Returns every seeded workflow with its nodes and parameter rules. */
export function seedWorkflowDefinitions(): readonly WorkflowDefinition[] {
  if (!cachedDefinitions) {
    const random = new SeededRandom(SEED);
    const definitions = DEFINITIONS.map((input) => ({
      ...input,
      workflow: { heron_id: heronId("wfl_", random), ...input.workflow },
    }));
    cachedDefinitions = deepFreeze(definitions);
  }
  return cachedDefinitions;
}

/** Returns the seeded workflows as Heron's workflow list shows them. */
export function seedWorkflows(): readonly SeedWorkflow[] {
  return seedWorkflowDefinitions().map((definition) => definition.workflow);
}
