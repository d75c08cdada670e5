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

const HERON_ID_PATTERN = /^eus_[A-Za-z0-9]{22}$/;

/**
 * Finds end users for the search box and remembers their names for the run
 * history. Empty text lists the first users. Other text may be an
 * end_user_id (which may contain spaces) or a heron_id, so it is looked up
 * exactly while a name search runs beside it, and an exact match wins. Text
 * shaped like a heron_id gets only the exact lookup. When the exact lookup
 * fails for another reason than 404, the name search still returns its results, and the
 * Heron client has logged the failure.
 */
export async function searchEndUsers(
  heron: HeronClient,
  endUserNames: EndUserNames,
  search: string,
  context: CallContext,
): Promise<EndUserSearchResult> {
  if (HERON_ID_PATTERN.test(search)) {
    const exact = await lookUpExactly(heron, search, context);
    if (exact) endUserNames.remember(exact.heron_id, exact.name);
    return {
      end_users: exact ? [exact] : [],
      match: "exact",
      total: exact ? 1 : 0,
    };
  }

  const [exact, byName] = await Promise.allSettled([
    search === ""
      ? Promise.resolve(null)
      : lookUpExactly(heron, search, context),
    listByName(heron, search, context),
  ]);

  if (exact.status === "fulfilled" && exact.value) {
    endUserNames.remember(exact.value.heron_id, exact.value.name);
    return { end_users: [exact.value], match: "exact", total: 1 };
  }
  if (byName.status === "rejected") throw byName.reason;

  const { endUsers, total } = byName.value;
  for (const user of endUsers) endUserNames.remember(user.heron_id, user.name);
  return { end_users: endUsers, match: "search", total };
}

async function listByName(
  heron: HeronClient,
  search: string,
  context: CallContext,
): Promise<{ endUsers: EndUserSummary[]; total: number }> {
  const { body } = await heron.listEndUsers(
    {
      page: 1,
      limit: END_USER_SEARCH_LIMIT,
      ...(search !== "" ? { name: search } : {}),
    },
    context,
  );
  const endUsers = (body.end_users ?? []).flatMap(toSummary);
  return { endUsers, total: body._meta?.total ?? endUsers.length };
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
