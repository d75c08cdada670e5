import type { Execution } from "./execution-store.js";
import type {
  WorkflowExecution,
  WorkflowExecutionStatus,
  WorkflowNodeStatus,
} from "./heron-types.js";

// NOTE: Heron's contract types these statuses as plain strings and its docs
// list no values. The sandbox uses pending, running, completed, failed and,
// for nodes after a failure, skipped.
type NodeState = "pending" | "running" | "completed" | "failed" | "skipped";
type ExecutionState = "pending" | "running" | "completed" | "failed";

/**
 * Computes an execution's status at nowMs. The execution waits one step as
 * pending, then each node runs for one step in order. A workflow with
 * failsAtNode fails when that node ends, and the nodes after it are skipped.
 */
export function describeExecutionStatus(
  execution: Execution,
  stepMs: number,
  nowMs: number,
): Required<WorkflowExecutionStatus> {
  const steps = completedSteps(execution, stepMs, nowMs);
  const nodes: Record<string, WorkflowNodeStatus> = {};

  execution.definition.nodes.forEach((nodeId, index) => {
    nodes[nodeId] = describeNode(execution, index, steps, stepMs);
  });
  return { status: executionState(execution, steps), nodes };
}

/** Builds the WorkflowExecutionSchema item that lists show. */
export function summarizeExecution(
  execution: Execution,
  stepMs: number,
  nowMs: number,
): Required<WorkflowExecution> {
  const created = new Date(execution.createdMs).toISOString();
  const steps = completedSteps(execution, stepMs, nowMs);
  return {
    heron_id: execution.heronId,
    created,
    started_at: created,
    status: executionState(execution, steps),
    end_user_heron_id: execution.endUser.heron_id,
    end_user_name: execution.endUser.name,
    is_silent_run: false,
    single_node_id: null,
    workflow_version_id: execution.definition.versionId,
    workflow_version_number: execution.definition.versionNumber,
  };
}

/** Counts whole steps since the start. A 0 ms step finishes everything. */
function completedSteps(
  execution: Execution,
  stepMs: number,
  nowMs: number,
): number {
  if (stepMs <= 0) return Number.POSITIVE_INFINITY;
  return Math.floor(Math.max(0, nowMs - execution.createdMs) / stepMs);
}

/** Returns the index of the last node to run: the failing one, if any. */
function lastNodeIndex(execution: Execution): number {
  const { failsAtNode, nodes } = execution.definition;
  return failsAtNode ?? nodes.length - 1;
}

function executionState(execution: Execution, steps: number): ExecutionState {
  if (steps < 1) return "pending";
  // Node i starts after i + 1 steps and ends after i + 2.
  if (steps < lastNodeIndex(execution) + 2) return "running";
  return execution.definition.failsAtNode === undefined
    ? "completed"
    : "failed";
}

function nodeState(
  execution: Execution,
  index: number,
  steps: number,
): NodeState {
  const { failsAtNode } = execution.definition;
  if (failsAtNode !== undefined && index > failsAtNode) {
    return steps >= failsAtNode + 2 ? "skipped" : "pending";
  }
  if (steps < index + 1) return "pending";
  if (steps < index + 2) return "running";
  return index === failsAtNode ? "failed" : "completed";
}

function describeNode(
  execution: Execution,
  index: number,
  steps: number,
  stepMs: number,
): WorkflowNodeStatus {
  const state = nodeState(execution, index, steps);
  const nodeId = execution.definition.nodes[index];
  const startMs = execution.createdMs + (index + 1) * stepMs;
  const base = {
    execution_heron_id: execution.heronId,
    execution_id: `${execution.heronId}-${index + 1}`,
    status: state,
    inputs: index === 0 ? firstNodeInputs(execution) : {},
    node_metadata: { node_id: nodeId, position: index + 1 },
    sourced_from_cache_hit: false,
  };

  if (state === "pending" || state === "skipped") return base;

  const timing = {
    scheduled_time: isoTime(startMs),
    started_time: isoTime(startMs),
  };
  if (state === "running") return { ...base, ...timing };

  const finished = { ...timing, finished_time: isoTime(startMs + stepMs) };
  if (state === "failed") {
    const message = execution.definition.failureMessage ?? "The node failed.";
    return { ...base, ...finished, error: { message } };
  }
  return { ...base, ...finished, result: { ok: true } };
}

function firstNodeInputs(execution: Execution): Record<string, unknown> {
  return {
    end_user_heron_id: execution.endUser.heron_id,
    workflow_parameters: execution.parameters,
  };
}

function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
