import { Select } from "@mantine/core";
import type { RecentParameterSet } from "../../../../server/contract/presets";
import { formatLocalDateTime } from "../../../lib/format-date";
import { OUTCOME_LABELS } from "../../../lib/run-outcomes";
import { useRecentParameters } from "../api/list-recent-parameters";

// Enough of the JSON text to tell sets apart. The editor shows a chosen set
// whole.
const PREVIEW_LENGTH = 60;

interface RecentParametersSelectProps {
  workflowName: string;
  onUse: (parameters: Record<string, unknown>) => void;
}

/** Fills the parameters from one of the last sets used for the workflow. */
export function RecentParametersSelect({
  workflowName,
  onUse,
}: RecentParametersSelectProps) {
  const recent = useRecentParameters(workflowName);
  const sets = recent.data?.parameter_sets ?? [];

  function use(runId: string | null) {
    const set = sets.find((candidate) => candidate.last_run_id === runId);
    if (set) onUse(set.workflow_parameters);
  }

  return (
    <Select
      label="Recent parameters"
      placeholder={
        recent.isPending
          ? "Loading recent parameters…"
          : recent.isError
            ? "Could not load recent parameters"
            : sets.length === 0
              ? "No runs of this workflow yet"
              : "Choose a recent set"
      }
      description="The last 5 different sets used, newest first"
      error={recent.isError ? recent.error.message : undefined}
      data={sets.map((set) => ({
        value: set.last_run_id,
        label: describeSet(set),
      }))}
      value={null}
      onChange={use}
      disabled={sets.length === 0}
      w={280}
      // At most 5 options, so no scroll area is needed. Without one, and
      // rendered in place rather than in a portal, the open list stays inside
      // the page's landmarks and has no scroll region without focusable items.
      withScrollArea={false}
      comboboxProps={{
        width: 420,
        position: "bottom-start",
        withinPortal: false,
      }}
    />
  );
}

function describeSet(set: RecentParameterSet): string {
  const text = JSON.stringify(set.workflow_parameters);
  const preview =
    text.length > PREVIEW_LENGTH
      ? `${text.slice(0, PREVIEW_LENGTH - 1)}…`
      : text;
  const used = formatLocalDateTime(set.last_used_at);

  return `${preview} (${OUTCOME_LABELS[set.last_outcome]}, ${used})`;
}
