import type { RunOutcome } from "../../server/contract/runs";

/** The word shown for each outcome, the same in the table, drawer and form. */
export const OUTCOME_LABELS: Record<RunOutcome, string> = {
  sending: "Sending",
  started: "Started",
  rejected: "Rejected",
  failed: "Failed",
  unknown: "Unknown",
};

/** A short explanation for staff of what each outcome means for the workflow. */
export const OUTCOME_EXPLANATIONS: Record<RunOutcome, string> = {
  sending:
    "The console is still waiting for Heron's response. Refresh the history in a moment.",
  started: "Heron accepted the request and started the workflow.",
  rejected:
    "Heron rejected the request, so the workflow did not start. Read Heron's reason, then fix the request, or wait if Heron is limiting requests.",
  failed:
    "The request did not reach Heron, or Heron failed with a server error. Check the history before starting it again.",
  unknown:
    "The request was sent, but Heron timed out, the connection closed, or its response could not be read. The workflow may have started, so check before starting it again.",
};

/**
 * Badge colors per outcome. Each text and background pair reaches about
 * 6.8:1, above axe's 4.5:1 contrast rule, whatever the Mantine theme. The
 * badge also shows the word, so color is never the only cue.
 */
export const OUTCOME_COLORS: Record<
  RunOutcome,
  { background: string; text: string }
> = {
  sending: { background: "#e7f1fb", text: "#15548f" },
  started: { background: "#e6f4ea", text: "#1b5e2b" },
  rejected: { background: "#fdecec", text: "#a11d1d" },
  failed: { background: "#fbe9e0", text: "#8a3410" },
  unknown: { background: "#fff4d6", text: "#7a4a00" },
};
