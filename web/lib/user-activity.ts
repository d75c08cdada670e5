/**
 * The time of the page's last input: a key, a pointer, a scroll, or the tab
 * coming back into view. A read sent after a minute without input is a poll,
 * so the server does not count it as activity that keeps the session open.
 */

const ACTIVITY_EVENTS = ["keydown", "pointerdown", "wheel", "touchstart"];

/** How long after the last input a read still counts as the person's own. */
export const ACTIVE_WINDOW_MS = 60_000;

let lastActivityMs = Date.now();

function markActive(): void {
  lastActivityMs = Date.now();
}

if (typeof window !== "undefined") {
  for (const type of ACTIVITY_EVENTS) {
    window.addEventListener(type, markActive, { capture: true, passive: true });
  }
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") markActive();
  });
}

/** Returns the time of the page's last input, in milliseconds since the epoch. */
export function lastInputAt(): number {
  return lastActivityMs;
}

/** Returns true when the page had no input within the last ACTIVE_WINDOW_MS. */
export function isPageIdle(nowMs = Date.now()): boolean {
  return nowMs - lastActivityMs > ACTIVE_WINDOW_MS;
}
