import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { PasswordReset } from "../../../../server/contract/auth";
import { apiRequest } from "../../../lib/api-client";
import { adminKeys } from "./query-keys";

/** Gives a local account a new generated password, returned this once. */
export function resetPassword(userId: string): Promise<PasswordReset> {
  return apiRequest<PasswordReset>(
    `/api/admin/users/${encodeURIComponent(userId)}/reset-password`,
    { method: "POST" },
  );
}

export function useResetPassword() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: resetPassword,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.audit() });
    },
  });
}
