import type { FetchedPage } from "./fetch-page.js";

/**
 * Returns whether a page of a full sync shows that users were deleted at
 * Heron since the page before it, so the full sync may have skipped users.
 *
 * Heron's list pages by offset (page and limit, with no time filter). A user
 * deleted from a page already fetched moves every later user one place
 * earlier, so the first user of the next page is never fetched. Heron's
 * `_meta.total` then drops, or the page contains fewer users than the previous
 * total promised.
 *
 * NOTE: a deletion and a new user between the same two pages leave the
 * total and the page size unchanged, so that skip goes unnoticed until the
 * next scheduled full sync.
 */
export function pageShowsDeletion(
  fetched: FetchedPage,
  page: number,
  pageSize: number,
  previousTotal: number | null,
): boolean {
  if (previousTotal === null) return false;
  if (fetched.total !== null && fetched.total < previousTotal) return true;

  const promised = Math.min(pageSize, previousTotal - (page - 1) * pageSize);
  return fetched.size < promised;
}
