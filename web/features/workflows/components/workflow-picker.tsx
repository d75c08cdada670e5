import {
  Loader,
  Select,
  Skeleton,
  Stack,
  VisuallyHidden,
  isOptionsGroup,
  type ComboboxParsedItem,
  type OptionsFilter,
} from "@mantine/core";
import { useMemo, type Ref } from "react";
import type { WorkflowSummary } from "../../../../server/contract/heron-data";
import { ApiErrorAlert } from "../../../components/api-error-alert";
import { useWorkflows } from "../api/list-workflows";
import {
  buildWorkflowOptions,
  matchesWorkflowSearch,
} from "../lib/workflow-options";
import { WorkflowDetails } from "./workflow-details";
import { WorkflowOptionContent } from "./workflow-option-content";

export interface WorkflowPickerProps {
  value: WorkflowSummary | null;
  onChange: (workflow: WorkflowSummary | null) => void;
  onBlur?: () => void;
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/** Picks one of the workflows Heron lists, and shows its owners. */
export function WorkflowPicker({
  value,
  onChange,
  onBlur,
  error,
  inputRef,
}: WorkflowPickerProps) {
  const workflows = useWorkflows();
  const list = workflows.data?.workflows;
  const byName = useMemo(
    () => new Map((list ?? []).map((w) => [w.name, w])),
    [list],
  );
  const options = useMemo(() => buildWorkflowOptions(list ?? []), [list]);
  const empty = workflows.isSuccess && options.length === 0;

  if (workflows.isPending) return <WorkflowPickerSkeleton />;

  return (
    <Stack gap="xs">
      <Select
        ref={inputRef}
        label="Workflow"
        description="Workflows that Heron's dashboard does not offer for a manual start are listed last, under their own heading."
        placeholder={
          empty ? "Heron returned no workflows" : "Choose a workflow"
        }
        data={options}
        value={value?.name ?? null}
        onChange={(name) => onChange(name ? (byName.get(name) ?? null) : null)}
        onBlur={onBlur}
        error={error}
        withAsterisk
        searchable
        filter={filterWorkflows}
        nothingFoundMessage="No workflow matches that label or name."
        disabled={empty}
        rightSection={workflows.isFetching ? <Loader size="xs" /> : undefined}
        maxDropdownHeight={320}
        renderOption={({ option }) => {
          const workflow = byName.get(option.value);
          return workflow ? (
            <WorkflowOptionContent workflow={workflow} />
          ) : (
            option.label
          );
        }}
      />
      {workflows.isError && (
        <ApiErrorAlert
          title="Could not load workflows"
          error={workflows.error}
          onRetry={() => void workflows.refetch()}
        />
      )}
      {value && <WorkflowDetails workflow={value} />}
    </Stack>
  );
}

/** Stands in for the label, description and input while Heron's list loads. */
function WorkflowPickerSkeleton() {
  return (
    <Stack gap={6} role="status">
      <VisuallyHidden>Loading workflows…</VisuallyHidden>
      <Skeleton height={14} width={80} radius="sm" />
      <Skeleton height={12} width="80%" radius="sm" />
      <Skeleton height={36} radius="sm" />
    </Stack>
  );
}

const filterWorkflows: OptionsFilter = ({ options, search }) =>
  options.flatMap((item): ComboboxParsedItem[] => {
    if (!isOptionsGroup(item)) {
      return matchesWorkflowSearch(item, search) ? [item] : [];
    }

    const items = item.items.filter((o) => matchesWorkflowSearch(o, search));
    return items.length > 0 ? [{ ...item, items }] : [];
  });
