import type { EndUser } from "../heron/types.js";
import type { DirectoryEntry } from "./directory-entry.js";

/** Returns the directory's fields of a Heron end user, or null without heron_id. */
export function toDirectoryEntry(user: EndUser): DirectoryEntry | null {
  if (!user.heron_id) return null;
  return {
    heron_id: user.heron_id,
    end_user_id: user.end_user_id,
    name: user.name ?? null,
    status: user.status ?? null,
    heron_updated_at: user.last_updated ?? null,
  };
}
