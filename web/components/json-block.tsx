import { Code } from "@mantine/core";
import { formatJsonForDisplay } from "../lib/format-json";

interface JsonBlockProps {
  value: unknown;
  /** Names the block for screen readers, as in "Request parameters". */
  label: string;
}

/** Pretty-printed JSON shown as plain text, never as HTML. */
export function JsonBlock({ value, label }: JsonBlockProps) {
  return (
    <Code
      block
      aria-label={label}
      tabIndex={0}
      style={{ maxHeight: 360, overflow: "auto", whiteSpace: "pre" }}
    >
      {formatJsonForDisplay(value)}
    </Code>
  );
}
