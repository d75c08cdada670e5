import type { RequestHandler } from "express";
import { executionStatus } from "./handlers/execution-status.js";
import { getEndUser } from "./handlers/get-end-user.js";
import { helloWorld } from "./handlers/hello-world.js";
import { listEndUsers } from "./handlers/list-end-users.js";
import { listExecutions } from "./handlers/list-executions.js";
import { listWorkflows } from "./handlers/list-workflows.js";
import { startByName } from "./handlers/start-by-name.js";
import type { SandboxState } from "./sandbox-state.js";
import type { SandboxOperation } from "./types.js";

export interface OperationRoute {
  operation: SandboxOperation;
  method: "get" | "post";
  /** Path in Express syntax, where Heron's {name} parameters become :name. */
  path: string;
  /** False only for the one call Heron serves without a key. */
  requiresKey: boolean;
  handler: (state: SandboxState) => RequestHandler;
}

/** Every Heron operation the sandbox serves, with its method and path. */
export const OPERATION_ROUTES: readonly OperationRoute[] = [
  {
    operation: "hello_world",
    method: "get",
    path: "/api/hello_world",
    requiresKey: false,
    handler: () => helloWorld,
  },
  {
    operation: "hello_world_authenticated",
    method: "get",
    path: "/api/hello_world/authenticated",
    requiresKey: true,
    handler: () => helloWorld,
  },
  {
    operation: "list_end_users",
    method: "get",
    path: "/api/end_users",
    requiresKey: true,
    handler: listEndUsers,
  },
  {
    operation: "get_end_user",
    method: "get",
    path: "/api/end_users/:end_user_id_or_heron_id",
    requiresKey: true,
    handler: getEndUser,
  },
  {
    operation: "list_workflows",
    method: "get",
    path: "/api/workflow/user/workflows",
    requiresKey: true,
    handler: () => listWorkflows,
  },
  {
    operation: "start_by_name",
    method: "post",
    path: "/api/workflow/start_by_name",
    requiresKey: true,
    handler: startByName,
  },
  {
    operation: "execution_status",
    method: "get",
    path: "/api/workflow/executions/status/:workflow_execution_heron_id",
    requiresKey: true,
    handler: executionStatus,
  },
  {
    operation: "list_executions",
    method: "get",
    path: "/api/workflow/:workflow_heron_id/executions/end_user/:end_user_heron_id",
    requiresKey: true,
    handler: listExecutions,
  },
];
