import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { lastInputAt } from "../../../lib/user-activity";
import { authKeys } from "../api/query-keys";

/**
 * How often the page checks for input since its last session read. Half a
 * minute keeps a session open even at the shortest idle timeout, one minute.
 */
export const KEEP_ALIVE_CHECK_MS = 30_000;

/**
 * Reads the session again, at most every KEEP_ALIVE_CHECK_MS, while the
 * person types or clicks. Typing into the form sends nothing to the server,
 * so without this a person filling in a long form would reach the idle
 * timeout. The read also brings the session's new idle expiry time.
 */
export function useKeepSessionAlive(signedIn: boolean): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!signedIn) return;

    let lastReadAt = Date.now();
    const timer = setInterval(() => {
      if (lastInputAt() <= lastReadAt) return;

      lastReadAt = Date.now();
      void queryClient.invalidateQueries({ queryKey: authKeys.session() });
    }, KEEP_ALIVE_CHECK_MS);
    return () => clearInterval(timer);
  }, [queryClient, signedIn]);
}
