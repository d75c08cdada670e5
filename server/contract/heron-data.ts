import { z } from "zod";

// What the console API returns about Heron's end users and workflows: the
// fields the page needs, not Heron's full records.

export interface EndUserSummary {
  heron_id: string;
  end_user_id: string;
  name: string | null;
  status: string | null;
}

export const EndUserSearchQuerySchema = z.strictObject({
  search: z
    .string()
    .trim()
    .max(140, "Search text is at most 140 characters.")
    .default(""),
});

export interface EndUserSearchResult {
  end_users: EndUserSummary[];
  /** "exact" when the text was looked up as a heron id or end_user_id. */
  match: "exact" | "search";
  /** How many users matched at Heron; more than end_users.length when cut. */
  total: number;
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
