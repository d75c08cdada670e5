import type { Request, Response } from "express";
import { sendEnvelope } from "../envelope.js";
import { describeExecutionStatus } from "../execution-progress.js";
import type { WorkflowExecutionStatus } from "../heron-types.js";
import type { SandboxState } from "../sandbox-state.js";

/** GET /api/workflow/executions/status/{workflow_execution_heron_id}. */
export function executionStatus(state: SandboxState) {
  return (req: Request, res: Response): void => {
    const id = String(req.params.workflow_execution_heron_id);
    const execution = state.executions.get(id);
    if (!execution) {
      sendEnvelope(res, 404, "Workflow execution not found");
      return;
    }
    const body: WorkflowExecutionStatus = describeExecutionStatus(
      execution,
      state.executionStepMs,
      Date.now(),
    );
    res.json(body);
  };
}
