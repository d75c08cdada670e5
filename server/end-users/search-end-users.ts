import type {
  EndUserSearchResult,
  EndUserSummary,
} from "../contract/heron-data.js";
import type { CallContext, HeronClient } from "../heron/client.js";
import { HeronError } from "../heron/heron-error.js";
import type { EndUser } from "../heron/types.js";
import type { EndUserNames } from "./end-user-names.js";

/** Maximum users per search response. Heron's own default limit is 1000. */
export const END_USER_SEARCH_LIMIT = 20;

/**
 * Finds end users for the search box and remembers their names for the run
 * history. Empty text lists the first users. Text without whitespace may be
 * a heron_id or an end_user_id, so it is looked up exactly first. When Heron
 * has no such user, a name search follows.
 */
export async function searchEndUsers(
  heron: HeronClient,
  endUserNames: EndUserNames,
  search: string,
  context: CallContext,
): Promise<EndUserSearchResult> {
  if (search !== "" && !/\s/.test(search)) {
    const exact = await lookUpExactly(heron, search, context);
    if (exact) {
      endUserNames.remember(exact.heron_id, exact.name);
      return { end_users: [exact], match: "exact", total: 1 };
    }
  }

  const { body } = await heron.listEndUsers(
    {
      page: 1,
      limit: END_USER_SEARCH_LIMIT,
      ...(search !== "" ? { name: search } : {}),
    },
    context,
  );
  const endUsers = (body.end_users ?? []).flatMap(toSummary);
  for (const user of endUsers) endUserNames.remember(user.heron_id, user.name);
  return {
    end_users: endUsers,
    match: "search",
    total: body._meta?.total ?? endUsers.length,
  };
}

async function lookUpExactly(
  heron: HeronClient,
  endUserIdOrHeronId: string,
  context: CallContext,
): Promise<EndUserSummary | null> {
  try {
    const { body } = await heron.getEndUser(endUserIdOrHeronId, context);
    return body.end_user ? (toSummary(body.end_user)[0] ?? null) : null;
  } catch (error) {
    // Heron responds 404 when no user has this id, which here only means
    // that the text is not an id.
    if (error instanceof HeronError && error.status === 404) return null;
    throw error;
  }
}

/** Returns the summary, or nothing for a user without a heron_id. */
function toSummary(user: EndUser): EndUserSummary[] {
  if (!user.heron_id) return [];
  return [
    {
      heron_id: user.heron_id,
      end_user_id: user.end_user_id,
      name: user.name ?? null,
      status: user.status ?? null,
    },
  ];
}
