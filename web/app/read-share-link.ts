import {
  SHARE_LINK_PARAM,
  decodeShareValue,
  type ShareLinkResult,
} from "../lib/share-link";

/**
 * Reads a share link from the page URL once, then removes it from the
 * address bar so a reload does not fill the form again over later edits.
 * Returns null when the URL carries no share link.
 */
export function takeShareLinkFromLocation(): ShareLinkResult | null {
  const url = new URL(window.location.href);
  const value = url.searchParams.get(SHARE_LINK_PARAM);

  if (value === null) return null;

  url.searchParams.delete(SHARE_LINK_PARAM);
  window.history.replaceState(window.history.state, "", url);
  return decodeShareValue(value);
}

/** Tells whether the page URL carries a share link, without removing it. */
export function hasShareLinkInLocation(): boolean {
  return new URL(window.location.href).searchParams.has(SHARE_LINK_PARAM);
}
