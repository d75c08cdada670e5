import type { StaffList } from "../../../../server/contract/auth";

export interface StartedByOption {
  value: string;
  label: string;
}

/**
 * Builds the "Started by" options from GET /api/staff, which lists every
 * account that started a run. An id from the URL that the list lacks still
 * gets an option. Until the list arrives, or when it failed, that option
 * shows the bare id. Once the list is in, the label states that no runs are
 * recorded for the id, which is why the history is empty.
 */
export function startedByOptions(
  staff: StaffList | undefined,
  selectedId: string,
): StartedByOption[] {
  const options = (staff?.staff ?? []).map((member) => ({
    value: member.id,
    label: `${member.display_name} (${member.email})`,
  }));
  if (selectedId === "" || options.some((o) => o.value === selectedId)) {
    return options;
  }

  const label =
    staff === undefined
      ? selectedId
      : `No runs by this account (${selectedId})`;
  return [...options, { value: selectedId, label }];
}

/** Tells whether the staff list has arrived without the selected id. */
export function isUnlistedStarter(
  staff: StaffList | undefined,
  selectedId: string,
): boolean {
  return (
    staff !== undefined &&
    selectedId !== "" &&
    !staff.staff.some((member) => member.id === selectedId)
  );
}
