import { Text } from "@mantine/core";
import { useNow } from "../../../lib/use-now";
import { useHeronRateLimits } from "../api/get-heron-rate-limits";
import {
  describeStartBudget,
  START_OPERATION,
} from "../lib/describe-start-budget";

// Often enough to notice that the window has reset, rarely enough to leave
// the rest of the page alone.
const CLOCK_TICK_MS = 5_000;

/** Renders one line on how many more starts Heron's rate limit allows, when known. */
export function StartBudget() {
  const rateLimits = useHeronRateLimits();
  const now = useNow(CLOCK_TICK_MS);

  if (rateLimits.isError) {
    return (
      <Text size="xs" c="dimmed">
        Heron's start limit is not known: {rateLimits.error.message}
      </Text>
    );
  }

  const start = rateLimits.data?.rate_limits.find(
    (entry) => entry.operation === START_OPERATION,
  );
  const budget = describeStartBudget(start, now);

  if (budget === null) return null;

  return (
    <Text
      size="xs"
      fw={budget.tone === "exhausted" ? 600 : undefined}
      c={
        budget.tone === "exhausted"
          ? "var(--mantine-color-orange-light-color)"
          : "dimmed"
      }
    >
      {budget.text}
    </Text>
  );
}
