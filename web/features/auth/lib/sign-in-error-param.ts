export const SIGN_IN_ERROR_PARAM = "sign_in_error";

/** Reads ?sign_in_error= from the page URL, or null when it is absent. */
export function readSignInError(): string | null {
  return new URL(window.location.href).searchParams.get(SIGN_IN_ERROR_PARAM);
}

/**
 * Removes ?sign_in_error= from the address bar, so a reload or a bookmark
 * does not show the message again.
 */
export function removeSignInErrorFromLocation(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has(SIGN_IN_ERROR_PARAM)) return;

  url.searchParams.delete(SIGN_IN_ERROR_PARAM);
  window.history.replaceState(window.history.state, "", url);
}
