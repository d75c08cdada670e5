import type { HeronError } from "./heron-error.js";

/**
 * Returns whether Heron rejected a call to an admin-only endpoint (execution
 * status and execution lists) with 401, 403 or 404, which means this key may
 * not use it.
 * NOTE: Heron's documentation does not say what an ordinary key gets there,
 * so a 404 for an execution Heron does not know looks the same.
 */
export function isRejectedForThisKey(error: HeronError): boolean {
  return (
    error.kind === "http" &&
    (error.status === 401 || error.status === 403 || error.status === 404)
  );
}
