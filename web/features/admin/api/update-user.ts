import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  AdminUser,
  UpdateUserRequest,
} from "../../../../server/contract/auth";
import { apiRequest } from "../../../lib/api-client";
import { adminKeys } from "./query-keys";

export interface UpdateUserInput {
  userId: string;
  change: UpdateUserRequest;
}

/** Changes an account's name, role or disabled state and returns the account. */
export function updateUser({
  userId,
  change,
}: UpdateUserInput): Promise<AdminUser> {
  return apiRequest<AdminUser>(
    `/api/admin/users/${encodeURIComponent(userId)}`,
    { method: "PATCH", body: change },
  );
}

export function useUpdateUser() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: updateUser,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.all });
    },
  });
}
