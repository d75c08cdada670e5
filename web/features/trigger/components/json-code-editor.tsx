import { json } from "@codemirror/lang-json";
import { linter, lintGutter, type Diagnostic } from "@codemirror/lint";
import { useComputedColorScheme } from "@mantine/core";
import { EditorView } from "@codemirror/view";
import CodeMirror from "@uiw/react-codemirror";
import { useMemo } from "react";
import { parseJsonParameters } from "../lib/parse-json-parameters";
import { jsonEditorTheme } from "./json-editor-theme";

export interface JsonCodeEditorProps {
  value: string;
  onChange: (text: string) => void;
  onBlur: () => void;
  /** The editable element's accessible name. */
  label: string;
  /** Ids of the description and error under the editor. */
  describedBy: string;
  invalid: boolean;
}

const LINT_DELAY_MS = 300;

const parametersLinter = linter(
  (view): Diagnostic[] => {
    const result = parseJsonParameters(view.state.doc.toString());

    if (result.ok) return [];

    const { from, to, message } = result.problem;
    return [{ from, to, message, severity: "error", source: "JSON" }];
  },
  { delay: LINT_DELAY_MS },
);

/**
 * Renders the CodeMirror editor for the parameters. It is its own module so
 * the page loads it lazily, which keeps CodeMirror out of the entry chunk.
 */
export default function JsonCodeEditor({
  value,
  onChange,
  onBlur,
  label,
  describedBy,
  invalid,
}: JsonCodeEditorProps) {
  const colorScheme = useComputedColorScheme("light");
  // The editor's aria-label prop lands on a wrapper div. Only content
  // attributes reach the element that receives the typing.
  const extensions = useMemo(
    () => [
      json(),
      jsonEditorTheme(colorScheme),
      parametersLinter,
      lintGutter(),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({
        "aria-label": label,
        "aria-describedby": describedBy,
        "aria-invalid": invalid ? "true" : "false",
      }),
    ],
    [colorScheme, label, describedBy, invalid],
  );

  return (
    <CodeMirror
      value={value}
      onChange={onChange}
      onBlur={onBlur}
      extensions={extensions}
      theme="none"
      minHeight="160px"
      maxHeight="360px"
      indentWithTab={false}
      basicSetup={{
        lineNumbers: true,
        foldGutter: false,
        autocompletion: false,
        highlightActiveLine: true,
        bracketMatching: true,
        closeBrackets: true,
        syntaxHighlighting: false,
      }}
    />
  );
}
