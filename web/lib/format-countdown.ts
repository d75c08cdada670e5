/** Returns whole seconds from `nowMs` until `untilMs`, rounded up, never below 0. */
export function secondsUntil(untilMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((untilMs - nowMs) / 1000));
}

/** Formats a wait for people: "27 s", "1 min", "2 min 5 s". */
export function formatCountdown(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));

  if (whole < 60) return `${whole} s`;

  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;

  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

const ANNOUNCE_STEP_SECONDS = 10;

/**
 * Rounds a countdown up to the next multiple of 10 s, so a screen reader
 * hears the remaining wait every 10 s instead of every second.
 */
export function announcedSeconds(seconds: number): number {
  const whole = Math.max(0, Math.ceil(seconds));

  return Math.ceil(whole / ANNOUNCE_STEP_SECONDS) * ANNOUNCE_STEP_SECONDS;
}
