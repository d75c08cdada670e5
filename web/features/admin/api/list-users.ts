import { queryOptions, useQuery } from "@tanstack/react-query";
import type { AdminUserList } from "../../../../server/contract/auth";
import { apiRequest } from "../../../lib/api-client";
import { adminKeys } from "./query-keys";

/** Lists every staff account, disabled ones included. */
export function listUsers(signal?: AbortSignal): Promise<AdminUserList> {
  return apiRequest<AdminUserList>("/api/admin/users", { signal });
}

export const userListQueryOptions = () =>
  queryOptions({
    queryKey: adminKeys.users(),
    queryFn: ({ signal }) => listUsers(signal),
  });

export function useUsers() {
  return useQuery(userListQueryOptions());
}
