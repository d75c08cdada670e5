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
}

export type TriggerFieldName = keyof TriggerFormValues;

export const DEFAULT_TRIGGER_VALUES: TriggerFormValues = {
  end_user: null,
  workflow: null,
  parameters_text: "{}",
};
