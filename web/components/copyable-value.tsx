import { Button, CopyButton, Group, Text } from "@mantine/core";

interface CopyableValueProps {
  value: string;
  /** Names the value for screen readers, as in "Copy workflow id". */
  label: string;
}

/** Renders a monospace value with a button that copies it to the clipboard. */
export function CopyableValue({ value, label }: CopyableValueProps) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Text
        ff="monospace"
        size="sm"
        style={{ wordBreak: "break-all", minWidth: 0 }}
      >
        {value}
      </Text>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button
            variant="subtle"
            size="compact-xs"
            // On a narrow screen the value wraps and the button keeps its
            // label.
            style={{ flexShrink: 0 }}
            onClick={copy}
            aria-label={copied ? `${label} copied` : `Copy ${label}`}
          >
            {copied ? "Copied" : "Copy"}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
