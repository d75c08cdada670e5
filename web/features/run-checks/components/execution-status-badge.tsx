import { Badge } from "@mantine/core";
import { statusTone, TONE_COLORS } from "../lib/execution-status-tone";

/** Shows Heron's status word for an execution or a node, as text. */
export function ExecutionStatusBadge({ status }: { status: string | null }) {
  const tone = statusTone(status);
  const colors = TONE_COLORS[tone];

  return (
    <Badge
      variant="outline"
      radius="sm"
      tt="none"
      data-tone={tone}
      style={{
        background: colors.background,
        color: colors.text,
        borderColor: colors.text,
        minWidth: "max-content",
      }}
    >
      {status ?? "no status"}
    </Badge>
  );
}
