import { Group } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * Lays out a modal's or drawer's title and close button as Mantine's own
 * header does, but in a div. Mantine's header is a <header> element, which
 * axe counts as a second banner landmark beside the page's.
 */
export function DialogHeader({ children }: { children: ReactNode }) {
  return (
    <Group
      justify="space-between"
      wrap="nowrap"
      gap="sm"
      mih={60}
      p="var(--mb-padding, var(--mantine-spacing-md))"
      pe="calc(var(--mb-padding, var(--mantine-spacing-md)) - 5px)"
      bg="var(--mantine-color-body)"
      pos="sticky"
      top={0}
      style={{ zIndex: 1000 }}
    >
      {children}
    </Group>
  );
}
