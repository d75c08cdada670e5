import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  CreatedUser,
  CreateUserRequest,
} from "../../../../server/contract/auth";
import { apiRequest } from "../../../lib/api-client";
import { adminKeys } from "./query-keys";

/** Creates a local account. The response carries a generated password once. */
export function createUser(request: CreateUserRequest): Promise<CreatedUser> {
  return apiRequest<CreatedUser>("/api/admin/users", {
    method: "POST",
    body: request,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: createUser,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.all });
    },
  });
}
