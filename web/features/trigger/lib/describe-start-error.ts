import { isApiError } from "../../../lib/api-error";

/** A heading for a failed start, by error code. */
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
      return "Heron did not answer in time";
    case "heron_unavailable":
      return "Heron could not be reached";
    case "heron_bad_response":
      return "Heron's answer could not be read";
    case "network_error":
      return "The console server could not be reached";
    case "unexpected_response":
      return "The console server gave an unexpected answer";
    default:
      return "The workflow could not be started";
  }
}

/**
 * Whether the workflow may have started although the start failed, so staff
 * must check the history first. True when no answer came back at all, or
 * Heron timed out; a recorded run, when there is one, says more.
 */
export function startMayHaveHappened(error: unknown): boolean {
  if (!isApiError(error)) return true;

  return (
    error.code === "network_error" ||
    error.code === "unexpected_response" ||
    error.code === "heron_timeout" ||
    error.code === "internal"
  );
}
