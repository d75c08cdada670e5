import { SegmentedControl, useMantineColorScheme } from "@mantine/core";
import type { MantineColorScheme } from "@mantine/core";

const OPTIONS: { value: MantineColorScheme; label: string }[] = [
  { value: "auto", label: "System" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
];

/** Chooses light, dark or the system's color scheme; the choice is stored. */
export function ColorSchemeControl() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();

  return (
    <SegmentedControl
      size="xs"
      aria-label="Color scheme"
      data={OPTIONS}
      value={colorScheme}
      onChange={(value) => setColorScheme(value as MantineColorScheme)}
    />
  );
}
