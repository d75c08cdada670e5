import { queryOptions, useQuery } from "@tanstack/react-query";
import type { AuthSession } from "../../../../server/contract/auth";
import { apiRequest } from "../../../lib/api-client";
import { setCsrfToken } from "../../../lib/csrf-token";
import { recordSignedIn } from "../../../lib/session-problems";
import { authKeys } from "./query-keys";

/**
 * Reads who is signed in and stores the session's CSRF token for later
 * requests. Signed out, the server also sets the cookie that the sign-in
 * request must match.
 */
export async function getSession(signal?: AbortSignal): Promise<AuthSession> {
  const session = await apiRequest<AuthSession>("/api/auth/session", {
    signal,
  });
  setCsrfToken(session.csrf_token);
  if (session.signed_in) recordSignedIn();
  return session;
}

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.session(),
    queryFn: ({ signal }) => getSession(signal),
    // Read again when a request reports an ended session or a stale token,
    // and by useKeepSessionAlive while the page is in use. Idle expiry is
    // the server's decision.
    staleTime: Infinity,
  });

export function useSession() {
  return useQuery(sessionQueryOptions());
}
