import type { Request, Response } from "express";
import { sendEnvelope, sendValidationErrors } from "../envelope.js";
import { summarizeExecution } from "../execution-progress.js";
import type { WorkflowStartResponse } from "../heron-types.js";
import { currentRecord } from "../record-request.js";
import type { SandboxState } from "../sandbox-state.js";
import { seedWorkflowDefinitions } from "../seed/workflows.js";
import { parseStartRequest } from "./start-request.js";
import { validateWorkflowParameters } from "./workflow-parameters.js";

/**
 * POST /api/workflow/start_by_name. Checks run in this order: JSON (400),
 * request schema (422), trigger (400), end user (404), workflow (404), the
 * workflow's own parameter rules (422). Then an execution starts.
 */
export function startByName(state: SandboxState) {
  return (req: Request, res: Response): void => {
    const parsed = parseStartRequest(
      req.headers["content-type"],
      currentRecord(res).body,
    );
    if (parsed.kind === "invalid_json") {
      sendEnvelope(
        res,
        400,
        `The request body is not valid JSON (${parsed.message}). Send a JSON object.`,
      );
      return;
    }
    if (parsed.kind === "invalid_fields") {
      sendValidationErrors(res, "json", parsed.errors);
      return;
    }
    const { request } = parsed;

    // The seeded workflows have no triggers, so any trigger is invalid.
    if (request.trigger_id != null) {
      sendEnvelope(
        res,
        400,
        "Invalid trigger_id: the workflow has no such trigger.",
      );
      return;
    }
    if (request.trigger_payload !== undefined) {
      sendEnvelope(res, 400, "Invalid trigger_payload: it needs a trigger_id.");
      return;
    }

    const endUser = state.endUsers.findByHeronId(request.end_user_heron_id);
    if (!endUser) {
      sendEnvelope(res, 404, "End user not found");
      return;
    }
    const definition = seedWorkflowDefinitions().find(
      (candidate) => candidate.workflow.name === request.workflow_name,
    );
    if (!definition) {
      sendEnvelope(res, 404, "Workflow not found");
      return;
    }

    const parameterErrors = validateWorkflowParameters(
      request.workflow_parameters,
      definition.parameters,
    );
    if (Object.keys(parameterErrors).length > 0) {
      sendValidationErrors(res, "json", {
        workflow_parameters: parameterErrors,
      });
      return;
    }

    const now = Date.now();
    const execution = state.executions.start(
      definition,
      endUser,
      request.workflow_parameters,
      now,
    );
    // NOTE: the contract types action and status as plain strings and the
    // docs give no values, so "started" and the execution's status are guesses.
    const body: WorkflowStartResponse = {
      action: "started",
      status: summarizeExecution(execution, state.executionStepMs, now).status,
      workflow_execution_id: execution.heronId,
      workflow_id: definition.workflow.heron_id,
    };
    res.json(body);
  };
}
