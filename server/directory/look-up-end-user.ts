import type { CallContext, HeronClient } from "../heron/client.js";
import { HeronError } from "../heron/heron-error.js";
import type { DirectoryEntry } from "./directory-entry.js";
import { toDirectoryEntry } from "./to-directory-entry.js";

/**
 * Looks up a heron id or end_user_id at Heron. Returns null when Heron has
 * no such end user (404) and throws on other failures.
 */
export async function lookUpEndUser(
  heron: HeronClient,
  id: string,
  context: CallContext,
): Promise<DirectoryEntry | null> {
  try {
    const { body } = await heron.getEndUser(id, context);
    return body.end_user ? toDirectoryEntry(body.end_user) : null;
  } catch (error) {
    if (error instanceof HeronError && error.status === 404) return null;
    throw error;
  }
}
