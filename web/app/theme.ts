import {
  Notification,
  createTheme,
  type CSSVariablesResolver,
} from "@mantine/core";

// Mantine's default light primary shade (6) puts white text on a blue of
// about 3.6:1, below axe's 4.5:1 contrast rule. Shade 8 reaches about 5.0:1.
export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: "sm",
  headings: { fontWeight: "650" },
  components: {
    // A titled notification greys its text with gray 6 directly, not
    // through the dimmed variable, so it needs its own fix.
    Notification: Notification.extend({
      styles: { description: { color: "var(--mantine-color-dimmed)" } },
    }),
  },
});

// Mantine 9's light scheme misses axe's 4.5:1 contrast rule in three places.
// Dimmed text is gray 6 (about 3.3:1 on white) and error text is red 6.
// Light alerts put shade 9 on shade 1, where green, orange and yellow reach
// only 2.7:1 to 3.8:1. The values below reach 5.4:1 or more.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--console-page-background": "var(--mantine-color-gray-0)",
    "--mantine-color-dimmed": "#5c6670",
    "--mantine-color-error": "var(--mantine-color-red-9)",
    "--mantine-color-red-light-color": "#a11d1d",
    "--mantine-color-green-light-color": "#1b5e2b",
    "--mantine-color-orange-light-color": "#8a3410",
    "--mantine-color-yellow-light-color": "#7a4a00",
    "--mantine-color-blue-light-color": "#15548f",
  },
  dark: {
    "--console-page-background": "var(--mantine-color-dark-8)",
    // Dark dimmed text is dark 2 (#828282), about 4.0:1 on the dark body.
    // #b8b8b8 reaches 4.5:1 on the dark green and orange alert backgrounds.
    "--mantine-color-dimmed": "#b8b8b8",
  },
});
