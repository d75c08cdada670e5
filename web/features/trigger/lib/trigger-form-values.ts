import type {
  EndUserSummary,
  WorkflowSummary,
} from "../../../../server/contract/heron-data";

/**
 * Values of the start form. The pickers keep whole records so the review step
 * can show names and ids. The resolver turns them into a StartRunRequest.
 */
export interface TriggerFormValues {
  end_user: EndUserSummary | null;
  workflow: WorkflowSummary | null;
  parameters_text: string;
  /** The reason or ticket id of the run, sent only when not blank. */
  reason: string;
}

/** Settings the resolver reads besides the values. */
export interface TriggerFormContext {
  /** The server's REQUIRE_RUN_REASON setting, from the session. */
  reasonRequired: boolean;
}

export type TriggerFieldName = keyof TriggerFormValues;

export const DEFAULT_TRIGGER_VALUES: TriggerFormValues = {
  end_user: null,
  workflow: null,
  parameters_text: "{}",
  reason: "",
};
