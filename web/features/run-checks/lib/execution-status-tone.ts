/**
 * Tone of a status at a glance. Heron's contract types execution and node
 * statuses as plain strings and its documentation lists no values, so the
 * words below are the sandbox's (pending, running, completed, failed,
 * skipped) plus common spellings. Any other word is shown as neutral.
 */
export type StatusTone = "success" | "failure" | "active" | "neutral";

const TONES: ReadonlyMap<string, StatusTone> = new Map([
  ...words("success", [
    "completed",
    "complete",
    "succeeded",
    "success",
    "finished",
    "done",
  ]),
  ...words("failure", [
    "failed",
    "failure",
    "error",
    "errored",
    "aborted",
    "terminated",
    "timed_out",
  ]),
  ...words("active", ["running", "in_progress", "started", "processing"]),
]);

export function statusTone(status: string | null): StatusTone {
  if (status === null) return "neutral";

  return TONES.get(status.trim().toLowerCase()) ?? "neutral";
}

/**
 * Badge colors per tone. Each pair reaches at least 6.8:1, above axe's 4.5:1
 * contrast rule, and the badge shows Heron's word, so color is never the
 * only cue.
 */
export const TONE_COLORS: Record<
  StatusTone,
  { background: string; text: string }
> = {
  success: { background: "#e6f4ea", text: "#1b5e2b" },
  failure: { background: "#fdecec", text: "#a11d1d" },
  active: { background: "#e7f1fb", text: "#15548f" },
  neutral: { background: "#f1f3f5", text: "#343a40" },
};

function words(tone: StatusTone, list: string[]): [string, StatusTone][] {
  return list.map((word) => [word, tone]);
}
