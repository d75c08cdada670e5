import { isApiError } from "../../../lib/api-error";
import { placeFieldErrors, type PlacedFieldErrors } from "./field-errors";

export interface StartFailure {
  /** Messages to set on the form's fields. */
  byField: PlacedFieldErrors["byField"];
  unplaced: string[];
  retry: { afterSeconds: number; at: Date } | null;
}

/** Sorts a failed start's details into field messages, other messages and a retry time. */
export function describeStartFailure(error: unknown, now: Date): StartFailure {
  if (!isApiError(error)) return { byField: {}, unplaced: [], retry: null };

  const { byField, unplaced } = placeFieldErrors(error.fields);
  const seconds = error.retryAfterSeconds;
  const retry =
    error.code === "heron_rate_limited" && seconds !== null
      ? { afterSeconds: seconds, at: new Date(now.getTime() + seconds * 1000) }
      : null;

  return { byField, unplaced, retry };
}
