import type { Request, Response } from "express";
import { sendEnvelope } from "../envelope.js";
import { summarizeExecution } from "../execution-progress.js";
import type { WorkflowExecution } from "../heron-types.js";
import type { SandboxState } from "../sandbox-state.js";
import { seedWorkflows } from "../seed/workflows.js";

/**
 * GET /api/workflow/{workflow_heron_id}/executions/end_user/{end_user_heron_id}.
 * Lists the executions started in this sandbox, newest first. Responds 404
 * when the workflow or the end user does not exist.
 */
export function listExecutions(state: SandboxState) {
  return (req: Request, res: Response): void => {
    const workflowId = String(req.params.workflow_heron_id);
    const endUserId = String(req.params.end_user_heron_id);

    if (!seedWorkflows().some((workflow) => workflow.heron_id === workflowId)) {
      sendEnvelope(res, 404, "Workflow not found");
      return;
    }
    if (!state.endUsers.findByHeronId(endUserId)) {
      sendEnvelope(res, 404, "End user not found");
      return;
    }

    const now = Date.now();
    const body: WorkflowExecution[] = state.executions
      .listFor(workflowId, endUserId)
      .map((execution) =>
        summarizeExecution(execution, state.executionStepMs, now),
      );
    res.json(body);
  };
}
