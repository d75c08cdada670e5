import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  SignedInSession,
  SignInRequest,
} from "../../../../server/contract/auth";
import { apiRequest } from "../../../lib/api-client";
import { setCsrfToken } from "../../../lib/csrf-token";
import { recordSignedIn } from "../../../lib/session-problems";
import { authKeys } from "./query-keys";

/** Signs in with a local account and returns the new session. */
export async function signIn(request: SignInRequest): Promise<SignedInSession> {
  const session = await apiRequest<SignedInSession>("/api/auth/sign-in", {
    method: "POST",
    body: request,
  });
  setCsrfToken(session.csrf_token);
  recordSignedIn();
  return session;
}

/**
 * Signs in and reads every other query again, since the ones that ran while
 * signed out failed with 401.
 */
export function useSignIn() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: signIn,
    onSuccess: (session) => {
      queryClient.setQueryData(authKeys.session(), session);
      void queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] !== authKeys.all[0],
      });
    },
  });
}
