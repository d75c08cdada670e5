import type { RunOutcome } from "../contract/runs.js";
import {
  describeHeronError,
  formatSeconds,
  type HeronErrorDescription,
} from "../heron/describe-error.js";
import type { HeronError } from "../heron/heron-error.js";

export interface StartFailure {
  outcome: Exclude<RunOutcome, "sending" | "started">;
  description: HeronErrorDescription;
}

export const CHECK_HISTORY =
  "Check the history before starting it again, so it does not run twice.";

/**
 * Decides the run outcome of a failed start and the error for staff. An
 * outcome is "unknown" whenever Heron may have received the whole request.
 */
export function describeStartFailure(
  error: HeronError,
  request: { end_user_heron_id: string; workflow_name: string },
): StartFailure {
  const general = describeHeronError(error);

  switch (error.kind) {
    case "http": {
      const status = error.status ?? 0;
      if (status === 404) {
        const message = describeNotFound(error, request);
        return { outcome: "rejected", description: { ...general, message } };
      }
      if (status >= 300 && status < 400) {
        // NOTE: a 303 to a POST can mean Heron carried the start out and
        // points at the result. Heron's contract lists no 3xx responses, so
        // the run is recorded rejected like a 4xx response.
        const message =
          `${general.message} Heron did not confirm a start, so the run ` +
          "is recorded Rejected.";
        return { outcome: "rejected", description: { ...general, message } };
      }
      return {
        outcome: status >= 500 ? "failed" : "rejected",
        description: general,
      };
    }

    case "timeout": {
      const within = formatSeconds(error.timeoutMs);
      const message = error.requestSent
        ? `Heron did not respond within ${within}, so the workflow may have ` +
          `started. ${CHECK_HISTORY}`
        : `Heron did not respond within ${within} and the start request was ` +
          "not sent, so the workflow did not start. Try again.";
      return {
        outcome: error.requestSent ? "unknown" : "failed",
        description: { ...general, message },
      };
    }

    case "network": {
      const message = error.requestSent
        ? "The connection to Heron closed after the start request was " +
          `sent, so the workflow may have started. ${CHECK_HISTORY}`
        : `${general.message} The workflow did not start.`;
      return {
        outcome: error.requestSent ? "unknown" : "failed",
        description: { ...general, message },
      };
    }

    case "bad_response": {
      const message =
        `Heron responded ${error.status} to the start, so the workflow ` +
        "probably started, but the console could not read the execution " +
        `id from the response. ${CHECK_HISTORY}`;
      return { outcome: "unknown", description: { ...general, message } };
    }
  }
}

/**
 * Returns the message for a 404 to a start, naming what Heron did not find.
 * Heron's 404 body names which of the two it was ("End user not found" or
 * "Workflow not found"). A body that names neither leaves both possible.
 */
function describeNotFound(
  error: HeronError,
  request: { end_user_heron_id: string; workflow_name: string },
): string {
  const description = error.envelope?.description;
  const text = typeof description === "string" ? description : "";

  if (/end user not found/i.test(text)) {
    return (
      `Heron found no end user ${request.end_user_heron_id}. It may have ` +
      "been deleted at Heron. Pick the end user again from the list."
    );
  }
  if (/workflow not found/i.test(text)) {
    return (
      `Heron found no workflow named "${request.workflow_name}". It may ` +
      "have been renamed or deleted at Heron. Pick the workflow again from " +
      "the list."
    );
  }
  return (
    `Heron found no end user ${request.end_user_heron_id} or no workflow ` +
    `named "${request.workflow_name}". Pick them again from the lists.`
  );
}
