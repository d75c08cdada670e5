import { Text, VisuallyHidden } from "@mantine/core";
import {
  announcedSeconds,
  formatCountdown,
  secondsUntil,
} from "../../../lib/format-countdown";
import { useIsBefore } from "../../../lib/use-is-before";
import { useNow } from "../../../lib/use-now";

interface RateLimitCountdownProps {
  /** When Heron's rate-limit window resets, in epoch milliseconds. */
  untilMs: number;
}

/**
 * Counts down to the end of Heron's rate-limit window after a 429. Render it
 * with `key={untilMs}`, so a new window starts from a fresh clock. The
 * visible text changes every second and disappears at the reset. Screen
 * readers hear the wait every 10 s and then that the limit has reset.
 */
export function RateLimitCountdown({ untilMs }: RateLimitCountdownProps) {
  const before = useIsBefore(untilMs);
  const seconds = secondsUntil(untilMs, useNow(1_000, before));
  // The clock stops at the deadline, so `before` has the last word.
  const waiting = before && seconds > 0;

  return (
    <>
      {waiting && (
        <Text
          size="sm"
          fw={600}
          c="var(--mantine-color-orange-light-color)"
          aria-hidden
        >
          Try again in {formatCountdown(seconds)}
        </Text>
      )}
      <VisuallyHidden role="status" aria-live="polite">
        {waiting
          ? `Heron is limiting starts. Try again in about ${formatCountdown(announcedSeconds(seconds))}.`
          : "Heron's rate limit has reset. You can start again."}
      </VisuallyHidden>
    </>
  );
}
