import { Badge } from "@mantine/core";
import type { RunOutcome } from "../../server/contract/runs";
import { OUTCOME_COLORS, OUTCOME_LABELS } from "../lib/run-outcomes";

export function OutcomeBadge({ outcome }: { outcome: RunOutcome }) {
  const colors = OUTCOME_COLORS[outcome];

  return (
    <Badge
      variant="outline"
      radius="sm"
      tt="none"
      data-outcome={outcome}
      style={{
        background: colors.background,
        color: colors.text,
        borderColor: colors.text,
        // Keeps the word whole in narrow table cells instead of cutting it.
        minWidth: "max-content",
      }}
    >
      {OUTCOME_LABELS[outcome]}
    </Badge>
  );
}
