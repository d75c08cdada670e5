import { isApiError } from "../../../lib/api-error";

/** Picks the heading for a failed start by its error code. */
export function startErrorTitle(error: unknown): string {
  if (!isApiError(error)) return "The workflow could not be started";

  switch (error.code) {
    case "validation_failed":
      return "The console rejected the request";
    case "payload_too_large":
      return "The request is too large";
    case "heron_rejected":
      return "Heron rejected the request";
    case "heron_not_found":
      return "Heron could not find the end user or the workflow";
    case "heron_rate_limited":
      return "Heron is limiting requests";
    case "heron_auth_failed":
      return "Heron refused the console's API key";
    case "heron_timeout":
      return "Heron timed out";
    case "heron_unavailable":
      return "Heron failed or could not be reached";
    case "heron_bad_response":
      return "Heron's response could not be read";
    case "network_error":
      return "The console server could not be reached";
    case "unexpected_response":
      return "The console server returned an unexpected response";
    case "duplicate_run":
      return "This end user and workflow ran recently";
    case "idempotency_conflict":
      return "The console already used this submission for another request";
    case "run_outcome_unknown":
      return "The first attempt of this start has no recorded outcome yet";
    case "shutting_down":
      return "The console server is shutting down";
    case "database_unavailable":
      return "The console could not record the run";
    case "too_many_starts":
      return "You are starting runs too quickly";
    case "forbidden":
      return "Your role may not start workflows";
    case "signed_out":
      return "Your session has ended";
    case "csrf_failed":
      return "The page's security token was out of date";
    default:
      return "The workflow could not be started";
  }
}

/**
 * Tells whether the workflow may have started although the start failed, so
 * staff must check the history first. That is the case when no response came
 * back, when Heron timed out or sent an unreadable response, when an earlier
 * attempt of the same submission has no outcome yet, or when the server
 * failed in an unknown way.
 */
export function startMayHaveHappened(error: unknown): boolean {
  if (!isApiError(error)) return true;

  return (
    error.code === "network_error" ||
    error.code === "unexpected_response" ||
    error.code === "heron_timeout" ||
    error.code === "heron_bad_response" ||
    error.code === "run_outcome_unknown" ||
    error.code === "internal"
  );
}
