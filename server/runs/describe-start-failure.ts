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
        const message =
          `Heron found no end user ${request.end_user_heron_id} or no ` +
          `workflow named "${request.workflow_name}". Pick them again from ` +
          "the lists.";
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
