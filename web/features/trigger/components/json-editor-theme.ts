import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import type { Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { tags } from "@lezer/highlight";

// Token colors for JSON, computed with the WCAG contrast formula. Each
// reaches at least 5.2:1 against the editor background, its active-line tint
// and CodeMirror's selection colors, above axe's 4.5:1 contrast rule. One
// Dark's property names (#e06c75 on #282c34) reach only 4.4:1.
const LIGHT_TOKENS = {
  propertyName: "#a0185a",
  string: "#16602a",
  number: "#15548f",
  literal: "#6f3a99",
  punctuation: "#4a5560",
};

const DARK_TOKENS = {
  propertyName: "#ffa3b4",
  string: "#a5e08a",
  number: "#8fc8ff",
  literal: "#d9b0ff",
  punctuation: "#c9ccd1",
};

function jsonHighlightStyle(tokens: typeof LIGHT_TOKENS): HighlightStyle {
  return HighlightStyle.define([
    { tag: tags.propertyName, color: tokens.propertyName },
    { tag: tags.string, color: tokens.string },
    { tag: tags.number, color: tokens.number },
    { tag: [tags.bool, tags.null], color: tokens.literal },
    {
      tag: [tags.separator, tags.squareBracket, tags.brace],
      color: tokens.punctuation,
    },
  ]);
}

const lightTheme = EditorView.theme(
  {
    "&": {
      backgroundColor: "var(--mantine-color-body)",
      color: "var(--mantine-color-text)",
    },
    ".cm-gutters": { backgroundColor: "#f5f5f5", color: "#5c6670" },
  },
  { dark: false },
);

const darkTheme = EditorView.theme(
  {
    "&": {
      backgroundColor: "var(--mantine-color-body)",
      color: "var(--mantine-color-text)",
    },
    ".cm-content": { caretColor: "#e0e0e0" },
    ".cm-cursor, .cm-dropCursor": { borderLeftColor: "#e0e0e0" },
    ".cm-gutters": {
      backgroundColor: "var(--mantine-color-body)",
      color: "#b8b8b8",
      borderRight: "1px solid var(--mantine-color-dark-4)",
    },
    ".cm-activeLine": { backgroundColor: "#ffffff0a" },
    ".cm-activeLineGutter": { backgroundColor: "#ffffff0f" },
    "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection":
      { backgroundColor: "#1f3a5a" },
  },
  { dark: true },
);

/** Builds the editor's colors and JSON highlighting for a color scheme. */
export function jsonEditorTheme(colorScheme: "light" | "dark"): Extension {
  return colorScheme === "dark"
    ? [darkTheme, syntaxHighlighting(jsonHighlightStyle(DARK_TOKENS))]
    : [lightTheme, syntaxHighlighting(jsonHighlightStyle(LIGHT_TOKENS))];
}
