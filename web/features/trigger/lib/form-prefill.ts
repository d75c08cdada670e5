import type {
  EndUserSummary,
  WorkflowSummary,
} from "../../../../server/contract/heron-data";
import type { DraftOrigin } from "../../../lib/start-draft";

/** Values to put into the start form, as from "Start like this" or a share link. */
export interface FormPrefill {
  /** New for every prefill, so the same values can be applied twice. */
  key: number;
  endUser: EndUserSummary | null;
  workflow: WorkflowSummary | null;
  parameters: Record<string, unknown>;
  /** The recorded run the values came from, or null for a share link. */
  origin: DraftOrigin | null;
}
