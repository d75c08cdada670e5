import { z } from "zod";

// A run is one start request made through the console and what came of it.
// The schema is shared: the web form validates with it and the server has the
// final word with the same rules.

export const END_USER_HERON_ID_MAX = 64;
export const WORKFLOW_NAME_MAX = 255;
export const RUN_REASON_MAX = 500;
export const REASON_REQUIRED_MESSAGE = "Give a reason or ticket for this run.";

// Control characters, and the marks that reorder text on screen (U+061C,
// U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), could make a recorded
// reason or workflow name read differently from what was typed, in the page
// or in a CSV.
const HIDDEN_CHARACTERS =
  /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/**
 * The form of a heron id, or of its start: eus_ and letters and digits.
 * Heron's published examples have 22 of them, but only the examples show
 * that length, so it is not checked.
 */
export const HERON_ID_FORM = /^eus_[A-Za-z0-9]+$/;

export const StartRunRequestSchema = z.strictObject({
  end_user_heron_id: z
    .string({ error: "Choose an end user." })
    .trim()
    .min(1, "Choose an end user.")
    .max(
      END_USER_HERON_ID_MAX,
      "An end user's heron id is at most 64 characters.",
    )
    .regex(
      HERON_ID_FORM,
      "A heron id is eus_ followed by letters and digits. Choose the end " +
        "user from the list: an end_user_id or a name is not a heron id.",
    ),
  workflow_name: z
    .string({ error: "Choose a workflow." })
    .min(1, "Choose a workflow.")
    .max(WORKFLOW_NAME_MAX, "A workflow name is at most 255 characters.")
    .refine(
      (name) => !HIDDEN_CHARACTERS.test(name),
      "A workflow name has no control or text-direction characters. " +
        "Choose the workflow from the list again.",
    ),
  workflow_parameters: z.record(z.string(), z.unknown(), {
    error: 'Parameters must be a JSON object, such as {} or {"key": "value"}.',
  }),
  // Confirms a start although the same end user and workflow ran recently.
  // The console keeps it to itself: Heron never receives it.
  allow_duplicate: z
    .boolean({ error: "allow_duplicate must be true or false." })
    .optional(),
  // The reason for the run, such as a ticket number. It is recorded with the
  // run and never sent to Heron. REQUIRE_RUN_REASON=true makes it required.
  reason: z
    .string({ error: "The reason must be text." })
    .trim()
    .max(
      RUN_REASON_MAX,
      `A reason is at most ${RUN_REASON_MAX} characters. Link a ticket for more.`,
    )
    .refine(
      (reason) => !HIDDEN_CHARACTERS.test(reason),
      "A reason must be plain text on one line, without control or " +
        "text-direction characters. Remove them and try again.",
    )
    .optional(),
});

export type StartRunRequest = z.infer<typeof StartRunRequestSchema>;

/**
 * Outcome of a run, with the same words in the page, the API and the database.
 * - sending: the row exists and the call to Heron is in flight.
 * - started: Heron answered 2xx.
 * - rejected: Heron answered 4xx, so the workflow did not start.
 * - failed: the call never reached Heron, or Heron answered 5xx.
 * - unknown: the request may have reached Heron but no answer came.
 */
export const RUN_OUTCOMES = [
  "sending",
  "started",
  "rejected",
  "failed",
  "unknown",
] as const;

export type RunOutcome = (typeof RUN_OUTCOMES)[number];

/** The staff member who started a run. */
export interface RunStarter {
  id: string;
  email: string;
  display_name: string;
}

export interface Run {
  id: string;
  created_at: string;
  updated_at: string;
  end_user_heron_id: string;
  end_user_name: string | null;
  workflow_name: string;
  workflow_parameters: Record<string, unknown>;
  request_id: string;
  outcome: RunOutcome;
  http_status: number | null;
  /** Heron's response body, parsed when it was JSON, else the raw text. */
  heron_response: unknown;
  action: string | null;
  status: string | null;
  workflow_execution_id: string | null;
  workflow_id: string | null;
  error_message: string | null;
  duration_ms: number | null;
  /** The execution's status as Heron last reported it, and when. */
  execution_status?: string | null;
  execution_status_at?: string | null;
  /** When a check found the execution of an unknown run and marked it started. */
  reconciled_at?: string | null;
  /** When the console last looked for the execution of an unknown run. */
  reconciliation_checked_at?: string | null;
  /** The result of that check, as a sentence for staff. */
  reconciliation_note?: string | null;
  /** null for runs recorded before sign-in existed. */
  started_by: RunStarter | null;
  reason: string | null;
  /** The starter's address and browser, in GET /api/runs/:id only. */
  source_address?: string | null;
  user_agent?: string | null;
}

export const ListRunsQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  page_size: z.coerce.number().int().min(1).max(100).default(20),
});

export type ListRunsQuery = z.infer<typeof ListRunsQuerySchema>;

export interface RunList {
  runs: Run[];
  page: number;
  page_size: number;
  total: number;
}

export const RecentRunsQuerySchema = z.strictObject({
  end_user_heron_id: z
    .string({ error: "Give the end user's heron id." })
    .trim()
    .min(1, "Give the end user's heron id.")
    .max(
      END_USER_HERON_ID_MAX,
      "An end user's heron id is at most 64 characters.",
    ),
  workflow_name: z
    .string({ error: "Give the workflow name." })
    .min(1, "Give the workflow name.")
    .max(WORKFLOW_NAME_MAX, "A workflow name is at most 255 characters."),
});

export type RecentRunsQuery = z.infer<typeof RecentRunsQuerySchema>;

/**
 * Runs of one end user and workflow from the last `window_minutes` whose
 * outcome is started, sending or unknown, newest first. A new start of the
 * same pair needs allow_duplicate while this list is not empty.
 */
export interface RecentRuns {
  runs: Run[];
  window_minutes: number;
}
