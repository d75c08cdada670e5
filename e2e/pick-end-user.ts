import { expect, type APIRequestContext } from "@playwright/test";
import type {
  EndUserSearchResult,
  EndUserSummary,
} from "../server/contract/heron-data";

/**
 * Returns the first seeded end user whose name matches `search`, for specs
 * that need an end user of their own but no particular name. Generated
 * names combine a stem such as "Thistle" with a trade and a legal suffix.
 */
export async function pickEndUser(
  request: APIRequestContext,
  search: string,
): Promise<EndUserSummary> {
  const response = await request.get("/api/end-users", {
    params: { search },
  });
  expect(response.status(), `searching end users for "${search}"`).toBe(200);
  const [user] = ((await response.json()) as EndUserSearchResult).end_users;
  if (!user) throw new Error(`No seeded end user matches "${search}".`);
  return user;
}
