import { useMutation } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { setCsrfToken } from "../../../lib/csrf-token";

/** Ends the session on the server, which also clears the cookie. */
export async function signOut(): Promise<void> {
  await apiRequest<void>("/api/auth/sign-out", { method: "POST" });
  setCsrfToken(null);
}

/**
 * Signs out, then loads the page again, so nothing the signed-in user read
 * stays in memory for the next person at this browser.
 */
export function useSignOut() {
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => window.location.assign("/"),
  });
}
