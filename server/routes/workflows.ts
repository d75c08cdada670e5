import { Router } from "express";

import type { WorkflowList, WorkflowSummary } from "../contract/heron-data.js";
import type { HeronClient } from "../heron/client.js";
import type { UserWorkflow } from "../heron/types.js";
import { requestIdOf } from "../http/request-id.js";

/**
 * GET /api/workflows: every workflow Heron lists, including those whose
 * dashboard trigger is off; the page decides how to show them.
 */
export function workflowRoutes(heron: HeronClient): Router {
  const router = Router();
  router.get("/api/workflows", async (req, res) => {
    const { body } = await heron.listWorkflows({ requestId: requestIdOf(req) });
    const list: WorkflowList = { workflows: body.flatMap(toSummary) };
    res.json(list);
  });
  return router;
}

/** Returns the summary, or nothing for a workflow without id or name. */
function toSummary(workflow: UserWorkflow): WorkflowSummary[] {
  if (!workflow.heron_id || !workflow.name) return [];
  return [
    {
      heron_id: workflow.heron_id,
      name: workflow.name,
      is_default: workflow.is_default ?? false,
      dashboard_trigger_enabled: workflow.dashboard_trigger_enabled ?? false,
      dashboard_trigger_label: workflow.dashboard_trigger_label ?? null,
      owners: {
        user_email: workflow.owners?.user_email ?? [],
        group_slack_name: workflow.owners?.group_slack_name ?? [],
      },
    },
  ];
}
