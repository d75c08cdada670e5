import { useEffect, useState } from "react";

/**
 * Returns the current time in milliseconds, re-rendering every `intervalMs`
 * while `active` is true. Countdowns and "minutes ago" texts use it.
 */
export function useNow(intervalMs: number, active = true): number {
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!active) return;

    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, active]);

  return now;
}
