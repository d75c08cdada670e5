import {
  Button,
  Group,
  MultiSelect,
  Select,
  Text,
  TextInput,
} from "@mantine/core";
import { useId, useState, type FormEvent } from "react";
import { HISTORY_SEARCH_MAX } from "../../../../server/contract/history";
import {
  RUN_OUTCOMES,
  type RunOutcome,
} from "../../../../server/contract/runs";
import {
  EMPTY_HISTORY_FILTERS,
  hasHistoryFilters,
  historyFilterQuery,
  sameHistoryFilters,
  type HistoryFilters,
} from "../lib/history-filters";
import { fromLocalInputValue, toLocalInputValue } from "../lib/local-datetime";
import { isUnlistedStarter, startedByOptions } from "../lib/started-by-options";
import { useStaff } from "../api/list-staff";

interface HistoryFilterBarProps {
  filters: HistoryFilters;
  onChange: (filters: HistoryFilters) => void;
}

/** Edits the history filters. They apply on submit, so typing sends no request. */
export function HistoryFilterBar({ filters, onChange }: HistoryFilterBarProps) {
  const [draft, setDraft] = useState(filters);
  const staff = useStaff();
  const staffOptions = startedByOptions(staff.data, draft.started_by);
  const [applied, setApplied] = useState(filters);
  const exportNoteId = useId();

  // Filters changed from outside, such as by the back button, replace the draft.
  if (applied !== filters) {
    setApplied(filters);
    setDraft(filters);
  }

  function set<K extends keyof HistoryFilters>(
    key: K,
    value: HistoryFilters[K],
  ) {
    setDraft((current) => ({ ...current, [key]: value }));
  }

  function apply(event: FormEvent) {
    event.preventDefault();
    onChange(draft);
  }

  const exportQuery = new URLSearchParams(historyFilterQuery(filters));
  const exportHref = `/api/runs/export.csv${exportQuery.size > 0 ? `?${exportQuery}` : ""}`;
  const unapplied = !sameHistoryFilters(draft, filters);

  return (
    <form onSubmit={apply} aria-label="History filters">
      <Group gap="sm" align="flex-end">
        <TextInput
          label="Search"
          description="End user, workflow or execution id"
          value={draft.q}
          maxLength={HISTORY_SEARCH_MAX}
          onChange={(event) => set("q", event.currentTarget.value)}
          w={220}
        />
        <MultiSelect
          label="Outcome"
          description="Any outcome when empty"
          data={[...RUN_OUTCOMES]}
          value={draft.outcome}
          onChange={(value) => set("outcome", value as RunOutcome[])}
          w={220}
          clearable
        />
        <Select
          label="Started by"
          description={startedByDescription(
            staff.isError,
            isUnlistedStarter(staff.data, draft.started_by),
          )}
          data={staffOptions}
          value={draft.started_by === "" ? null : draft.started_by}
          onChange={(value) => set("started_by", value ?? "")}
          searchable
          clearable
          nothingFoundMessage="No staff member matches"
          w={220}
        />
        <TextInput
          label="Workflow name"
          description="Exact name"
          value={draft.workflow_name}
          onChange={(event) => set("workflow_name", event.currentTarget.value)}
          w={180}
        />
        <TextInput
          label="End user heron id"
          description="Exact id, eus_…"
          value={draft.end_user_heron_id}
          onChange={(event) =>
            set("end_user_heron_id", event.currentTarget.value)
          }
          w={200}
        />
        <TextInput
          type="datetime-local"
          label="From"
          description="Your local time"
          value={toLocalInputValue(draft.from)}
          onChange={(event) =>
            set("from", fromLocalInputValue(event.currentTarget.value))
          }
        />
        <TextInput
          type="datetime-local"
          label="To"
          description="Your local time"
          value={toLocalInputValue(draft.to)}
          onChange={(event) =>
            set("to", fromLocalInputValue(event.currentTarget.value))
          }
        />
        <Button type="submit" variant="filled">
          Apply filters
        </Button>
        <Button
          variant="default"
          disabled={!hasHistoryFilters(filters) && !hasHistoryFilters(draft)}
          onClick={() => {
            setDraft(EMPTY_HISTORY_FILTERS);
            onChange(EMPTY_HISTORY_FILTERS);
          }}
        >
          Clear filters
        </Button>
        <Button
          component="a"
          href={exportHref}
          download
          variant="default"
          aria-describedby={exportNoteId}
        >
          Export CSV
        </Button>
        <Text id={exportNoteId} size="xs" c="dimmed" maw={240}>
          {unapplied
            ? "Export CSV uses the applied filters, not your changes. Apply them first to export them."
            : "Export CSV saves every run that matches the applied filters."}
        </Text>
      </Group>
    </form>
  );
}

function startedByDescription(listFailed: boolean, unlisted: boolean) {
  if (listFailed) return "Could not load the staff list";
  if (unlisted) return "No runs recorded for this account";
  return "Anyone when empty";
}
