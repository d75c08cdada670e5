import type { EndUserLookupFailure } from "../../../../server/contract/heron-data";

/**
 * Says that Heron could not be asked about a pasted id, and why, such as
 * "Heron could not be asked about eus_… (HTTP 503). Try again in a moment."
 */
export function describeLookupFailure(failure: EndUserLookupFailure): string {
  return (
    `Heron could not be asked about ${failure.id} ` +
    `(${describeReason(failure)}). Try again in a moment.`
  );
}

function describeReason(failure: EndUserLookupFailure): string {
  switch (failure.reason) {
    case "http":
      return `HTTP ${failure.http_status ?? "error"}`;
    case "timeout":
      return failure.timeout_ms === null
        ? "no response in time"
        : `no response within ${Number((failure.timeout_ms / 1000).toFixed(1))} s`;
    case "network":
      return "the connection failed";
    case "bad_response":
      return "unreadable response";
  }
}
