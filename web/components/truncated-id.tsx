import { Text } from "@mantine/core";

interface TruncatedIdProps {
  value: string;
  /** Widest the id may be before it is cut with an ellipsis. */
  maxWidth: number;
  size?: "xs" | "sm";
  dimmed?: boolean;
}

/**
 * Renders an id in monospace on one line, cut with an ellipsis when it does
 * not fit. The title and the run's details drawer show the whole value.
 */
export function TruncatedId({
  value,
  maxWidth,
  size = "xs",
  dimmed = false,
}: TruncatedIdProps) {
  return (
    <Text
      size={size}
      ff="monospace"
      c={dimmed ? "dimmed" : undefined}
      maw={maxWidth}
      truncate="end"
      title={value}
    >
      {value}
    </Text>
  );
}
