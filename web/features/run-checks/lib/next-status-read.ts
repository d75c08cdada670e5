import type { QueryState } from "@tanstack/react-query";
import type { ExecutionStatusResult } from "../../../../server/contract/executions";
import { pollDelayMs } from "./poll-delay";

/**
 * Returns the delay before the next status read, or false to stop: when the
 * execution finished, when Heron gives no status for this key, or when the
 * last read failed. A failed read waits for staff to ask again, because
 * reading on would spend more of a rate limit that may be the cause.
 */
export function nextStatusRead(query: {
  state: QueryState<ExecutionStatusResult, Error>;
}): number | false {
  const { data, status, dataUpdateCount } = query.state;

  if (status === "error" || data === undefined) return false;
  if (!data.available || data.finished) return false;

  return pollDelayMs(dataUpdateCount);
}
