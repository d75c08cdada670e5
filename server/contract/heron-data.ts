import { z } from "zod";

// What the console API returns about Heron's end users and workflows: the
// fields the page needs, not Heron's full records.

export interface EndUserSummary {
  heron_id: string;
  end_user_id: string;
  name: string | null;
  status: string | null;
}

/** Maximum search text length, the maximum length of Heron's end_user_id. */
export const END_USER_SEARCH_MAX_LENGTH = 140;

export const EndUserSearchQuerySchema = z.strictObject({
  search: z
    .string({
      error: "Give search once, as text: a name, an end_user_id or a heron id.",
    })
    .trim()
    .max(
      END_USER_SEARCH_MAX_LENGTH,
      `Search text is at most ${END_USER_SEARCH_MAX_LENGTH} characters.`,
    )
    .default(""),
});

/** Highest match count a search reports; counting further costs time. */
export const END_USER_SEARCH_COUNT_LIMIT = 1000;

/** The completeness and age of the console's copy of Heron's end users. */
export interface EndUserDirectoryStatus {
  /**
   * "syncing" while pages are being fetched from Heron, "failed" when the
   * last sync stopped on an error, else "ready".
   */
  state: "syncing" | "ready" | "failed";
  /** False until the first full sync has finished: the list is partial. */
  complete: boolean;
  /** When the last full sync or refresh finished, ISO 8601 UTC. */
  synced_at: string | null;
  /** End users in the directory, gone ones not counted. */
  count: number;
  /** The reason the last sync failed, for staff, or null unless "failed". */
  error: string | null;
}

/** A failed lookup at Heron of search text that looks like an id. */
export interface EndUserLookupFailure {
  /** The search text that was looked up as a heron id or end_user_id. */
  id: string;
  /**
   * "http" when Heron responded with an error status, "timeout" when it did
   * not respond within timeout_ms, "network" when the connection failed,
   * "bad_response" when the response could not be read.
   */
  reason: "http" | "timeout" | "network" | "bad_response";
  /** Heron's HTTP status, or null when no status arrived. */
  http_status: number | null;
  /** The lookup's time limit in milliseconds, on reason "timeout". */
  timeout_ms: number | null;
}

export interface EndUserSearchResult {
  end_users: EndUserSummary[];
  /** "exact" when the text was a heron id or end_user_id. */
  match: "exact" | "search";
  /**
   * How many users matched, more than end_users.length when cut. Counting
   * stops at END_USER_SEARCH_COUNT_LIMIT, so that value means "at least".
   */
  total: number;
  /**
   * Set when the text was looked up at Heron and the lookup failed, so
   * end_users holds only the directory's own matches. Null otherwise.
   */
  lookup_failure: EndUserLookupFailure | null;
  directory: EndUserDirectoryStatus;
}

export interface WorkflowSummary {
  heron_id: string;
  name: string;
  is_default: boolean;
  dashboard_trigger_enabled: boolean;
  dashboard_trigger_label: string | null;
  owners: { user_email: string[]; group_slack_name: string[] };
}

export interface WorkflowList {
  workflows: WorkflowSummary[];
}

export interface Health {
  status: "ok";
  /** "sandbox" when runs go to the built-in Heron sandbox, not to Heron. */
  heron_mode: "sandbox" | "heron";
  version: string;
}

/** Heron's last reported rate-limit window for one operation. */
export interface HeronRateLimit {
  /** The console's name for the Heron call, such as "start_by_name". */
  operation: string;
  limit: number | null;
  remaining: number | null;
  /**
   * When the window refills, ISO 8601 UTC. After this time `remaining` is
   * out of date: Heron counts from `limit` again.
   */
  reset_at: string | null;
  /** When the console read these numbers from a Heron response. */
  observed_at: string;
}

export interface HeronRateLimits {
  rate_limits: HeronRateLimit[];
}
