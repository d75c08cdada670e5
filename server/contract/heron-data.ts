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
