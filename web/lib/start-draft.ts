import type { Run } from "../../server/contract/runs";

/**
 * Values to fill the start form with, from a share link or a recorded run.
 * The end user and workflow are given by id and name only, so the page
 * resolves them to Heron's records before filling the pickers.
 */
export interface StartDraft {
  end_user_heron_id: string | null;
  workflow_name: string | null;
  workflow_parameters: Record<string, unknown>;
}

/** The recorded run a draft was copied from, kept to show what changed. */
export interface DraftOrigin {
  run_id: string;
  created_at: string;
  end_user_heron_id: string;
  end_user_name: string | null;
  workflow_name: string;
  workflow_parameters: Record<string, unknown>;
}

/** Returns the draft that starts `run` again with the same values. */
export function draftFromRun(run: Run): StartDraft {
  return {
    end_user_heron_id: run.end_user_heron_id,
    workflow_name: run.workflow_name,
    workflow_parameters: run.workflow_parameters,
  };
}

export function originFromRun(run: Run): DraftOrigin {
  return {
    run_id: run.id,
    created_at: run.created_at,
    end_user_heron_id: run.end_user_heron_id,
    end_user_name: run.end_user_name,
    workflow_name: run.workflow_name,
    workflow_parameters: run.workflow_parameters,
  };
}
