import type { Run } from "../contract/runs.js";
import { ApiError } from "../errors.js";

/**
 * Builds the 409 duplicate_run error for a start whose end user and workflow
 * have the recent run `recent`. `endUserName` is the name found for this
 * start, which names the user when the older row has none.
 */
export function duplicateRunError(
  recent: Run,
  endUserName: string | null,
  nowMs: number = Date.now(),
): ApiError {
  const name = endUserName ?? recent.end_user_name;
  const who = name ?? `end user ${recent.end_user_heron_id}`;
  const ago = describeAge(nowMs - Date.parse(recent.created_at));
  const verb =
    recent.outcome === "started" ? "was started" : "may have started";

  const message =
    `${recent.workflow_name} ${verb} for ${who} ${ago} (run ${recent.id}, ` +
    `outcome ${recent.outcome}). Confirm again to start it anyway.`;
  return new ApiError(409, "duplicate_run", message, {
    duplicateOf: {
      id: recent.id,
      created_at: recent.created_at,
      outcome: recent.outcome,
    },
  });
}

function describeAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "less than a minute ago";
  return minutes === 1 ? "1 minute ago" : `${minutes} minutes ago`;
}
