import type { WorkflowSummary } from "../../../../server/contract/heron-data";

export const ENABLED_GROUP = "Enabled for manual start in Heron's dashboard";
export const NOT_ENABLED_GROUP =
  "Not enabled for manual start in Heron's dashboard";

/** Returns the name Heron's dashboard shows: its trigger label, else the workflow name. */
export function workflowLabel(workflow: WorkflowSummary): string {
  const label = workflow.dashboard_trigger_label?.trim();
  return label ? label : workflow.name;
}

export interface WorkflowOptionGroup {
  group: string;
  items: { value: string; label: string }[];
}

/**
 * Groups workflows for the picker: those Heron's dashboard offers for a manual
 * start first, the others under their own heading. Each group lists the
 * default first, then by label. The option value is the workflow name,
 * because that is what a start request sends.
 */
export function buildWorkflowOptions(
  workflows: readonly WorkflowSummary[],
): WorkflowOptionGroup[] {
  const unique = uniqueByName(workflows);
  const groups: WorkflowOptionGroup[] = [];

  for (const [group, enabled] of [
    [ENABLED_GROUP, true],
    [NOT_ENABLED_GROUP, false],
  ] as const) {
    const items = unique
      .filter((w) => w.dashboard_trigger_enabled === enabled)
      .sort(compareWorkflows)
      .map((w) => ({ value: w.name, label: workflowLabel(w) }));

    if (items.length > 0) groups.push({ group, items });
  }

  return groups;
}

function compareWorkflows(a: WorkflowSummary, b: WorkflowSummary): number {
  if (a.is_default !== b.is_default) return a.is_default ? -1 : 1;
  return workflowLabel(a).localeCompare(workflowLabel(b));
}

// NOTE: A start request identifies its workflow by name, and two workflows
// sharing a name are indistinguishable here. The picker keeps the first one
// Heron lists.
function uniqueByName(
  workflows: readonly WorkflowSummary[],
): WorkflowSummary[] {
  const seen = new Set<string>();

  return workflows.filter((w) => {
    if (seen.has(w.name)) return false;
    seen.add(w.name);
    return true;
  });
}

/** Checks whether the search text matches a workflow's label or its name. */
export function matchesWorkflowSearch(
  option: { value: string; label: string },
  search: string,
): boolean {
  const needle = search.trim().toLowerCase();

  if (needle === "") return true;

  return (
    option.label.toLowerCase().includes(needle) ||
    option.value.toLowerCase().includes(needle)
  );
}
