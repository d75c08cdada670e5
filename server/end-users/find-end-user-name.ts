import type { HeronClient } from "../heron/client.js";
import { HeronError } from "../heron/heron-error.js";
import type { Logger } from "../logger.js";
import type { EndUserNames } from "./end-user-names.js";

/** Maximum wait for Heron's end user lookup before a start goes on without a name. */
export const END_USER_LOOKUP_TIMEOUT_MS = 2000;

export interface FindEndUserNameDependencies {
  heron: HeronClient;
  endUserNames: EndUserNames;
  logger: Logger;
}

/**
 * Returns the end user's name for the run history: from the names searches
 * returned, else from Heron within END_USER_LOOKUP_TIMEOUT_MS (or the Heron
 * timeout when smaller). Any failure returns null and logs one line, because
 * the name is for display and must never hold up or fail a start.
 */
export async function findEndUserName(
  { heron, endUserNames, logger }: FindEndUserNameDependencies,
  endUserHeronId: string,
  requestId: string,
): Promise<string | null> {
  const known = endUserNames.get(endUserHeronId);
  if (known !== null) return known;

  try {
    const { body } = await heron.getEndUser(endUserHeronId, {
      requestId,
      timeoutMs: END_USER_LOOKUP_TIMEOUT_MS,
    });
    // The route also matches the customer's own end_user_id, so a user
    // found under another heron_id is not this one.
    const user = body.end_user;
    if (user?.heron_id !== endUserHeronId) return null;
    endUserNames.remember(endUserHeronId, user.name);
    return user.name ?? null;
  } catch (error) {
    logger.warn(
      {
        requestId,
        endUserHeronId,
        reason: error instanceof HeronError ? error.kind : "internal",
        status: error instanceof HeronError ? error.status : null,
        err: error instanceof HeronError ? undefined : error,
      },
      "end user name lookup failed, so the run is recorded without a name",
    );
    return null;
  }
}
