import type { DuplicateRunSummary } from "../../../../server/contract/errors";
import type {
  EndUserSummary,
  WorkflowSummary,
} from "../../../../server/contract/heron-data";
import type { StartRunRequest } from "../../../../server/contract/runs";
import type { DraftOrigin } from "../../../lib/start-draft";

/** The request as it will be sent, with the end user and workflow records it names. */
export interface RunReview {
  request: StartRunRequest;
  endUser: EndUserSummary;
  workflow: WorkflowSummary;
  /** Sent as the Idempotency-Key header, new for each review. */
  idempotencyKey: string;
  /** The recent run a duplicate_run error named, when the review follows one. */
  knownDuplicate: DuplicateRunSummary | null;
  /** The recorded run the form was filled from, to show what changed. */
  origin: DraftOrigin | null;
}
