import type { QueryClient } from "@tanstack/react-query";
import type {
  EndUserSummary,
  WorkflowSummary,
} from "../../server/contract/heron-data";
import { endUserSearchQueryOptions } from "../features/end-users/api/search-end-users";
import { workflowListQueryOptions } from "../features/workflows/api/list-workflows";
import type { StartDraft } from "../lib/start-draft";

export interface ResolvedDraft {
  endUser: EndUserSummary | null;
  workflow: WorkflowSummary | null;
  /** Sentences for staff, one per value that could not be filled in. */
  problems: string[];
}

/**
 * Looks up the draft's end user (through the same search the picker uses)
 * and workflow at Heron. A value that cannot be found is left empty and
 * explained, so staff can pick it themselves.
 */
export async function resolveDraft(
  queryClient: QueryClient,
  draft: StartDraft,
): Promise<ResolvedDraft> {
  const [endUser, workflow] = await Promise.all([
    resolveEndUser(queryClient, draft.end_user_heron_id),
    resolveWorkflow(queryClient, draft.workflow_name),
  ]);

  return {
    endUser: endUser.value,
    workflow: workflow.value,
    problems: [endUser.problem, workflow.problem].filter(
      (problem): problem is string => problem !== null,
    ),
  };
}

interface Lookup<T> {
  value: T | null;
  problem: string | null;
}

async function resolveEndUser(
  queryClient: QueryClient,
  heronId: string | null,
): Promise<Lookup<EndUserSummary>> {
  if (heronId === null) return { value: null, problem: null };

  try {
    const result = await queryClient.fetchQuery(
      endUserSearchQueryOptions(heronId),
    );
    const user =
      result.end_users.find((candidate) => candidate.heron_id === heronId) ??
      null;
    const problem =
      user === null
        ? `Heron has no end user with heron id ${heronId}, so the end user was left empty. Search for the end user and choose one.`
        : null;
    return { value: user, problem };
  } catch (error) {
    return {
      value: null,
      problem: `Could not look up the end user ${heronId}: ${messageOf(error)} The end user was left empty; search for it and choose one.`,
    };
  }
}

async function resolveWorkflow(
  queryClient: QueryClient,
  name: string | null,
): Promise<Lookup<WorkflowSummary>> {
  if (name === null) return { value: null, problem: null };

  try {
    const list = await queryClient.fetchQuery(workflowListQueryOptions());
    const workflow =
      list.workflows.find((candidate) => candidate.name === name) ?? null;
    const problem =
      workflow === null
        ? `Heron lists no workflow named ${name}, so the workflow was left empty. Choose one from the list.`
        : null;
    return { value: workflow, problem };
  } catch (error) {
    return {
      value: null,
      problem: `Could not load Heron's workflows to find ${name}: ${messageOf(error)} The workflow was left empty; choose one once the list loads.`,
    };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
