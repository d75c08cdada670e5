import type { EndUser } from "../heron-types.js";
import type { SeedEndUser } from "../seed/end-users.js";
import type { EndUsersQuery } from "./end-users-query.js";

/** Lower-cases after NFC normalization, so "MÜLLER" matches "Müller". */
function foldCase(text: string): string {
  return text.normalize("NFC").toLowerCase();
}

export function filterEndUsers(
  users: readonly SeedEndUser[],
  query: EndUsersQuery,
): SeedEndUser[] {
  const nameNeedle =
    query.name === undefined ? undefined : foldCase(query.name);

  return users.filter(
    (user) =>
      (query.heron_id === undefined || user.heron_id === query.heron_id) &&
      (query.end_user_id === undefined ||
        user.end_user_id === query.end_user_id) &&
      (query.status === undefined || user.status === query.status) &&
      (query.is_portfolio === undefined ||
        user.is_portfolio === query.is_portfolio) &&
      (nameNeedle === undefined ||
        (user.name !== null && foldCase(user.name).includes(nameNeedle))),
  );
}

/** Sorts by the requested date, then by heron_id so ties keep one order. */
export function sortEndUsers(
  users: SeedEndUser[],
  order: EndUsersQuery["order_by"],
): SeedEndUser[] {
  const field = order.startsWith("created") ? "created" : "last_updated";
  const direction = order.endsWith("_asc") ? 1 : -1;

  return users.sort(
    (a, b) =>
      compareText(a[field], b[field]) * direction ||
      compareText(a.heron_id, b.heron_id),
  );
}

/** Compares by code unit, which orders ISO 8601 UTC times by time. */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Returns the fields Heron lists for an end user. data_sources, criteria and
 * tags appear only when the matching include_* parameter is true.
 */
export function toListedEndUser(
  user: SeedEndUser,
  query: EndUsersQuery,
): EndUser {
  const { data_sources, criteria, tags, ...listed } = user;
  return {
    ...listed,
    ...(query.include_data_sources ? { data_sources } : {}),
    ...(query.include_scorecard_metrics ? { criteria } : {}),
    ...(query.include_tags ? { tags } : {}),
  };
}
