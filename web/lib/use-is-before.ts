import { useEffect, useState } from "react";

/**
 * Returns true until the clock passes `deadlineMs`, then re-renders once with
 * false. Unlike a ticking clock, it leaves the component alone in between.
 */
export function useIsBefore(deadlineMs: number | null): boolean {
  const [passedDeadline, setPassedDeadline] = useState<number | null>(null);

  useEffect(() => {
    if (deadlineMs === null) return;

    const timer = setTimeout(
      () => setPassedDeadline(deadlineMs),
      Math.max(0, deadlineMs - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [deadlineMs]);

  return deadlineMs !== null && passedDeadline !== deadlineMs;
}
