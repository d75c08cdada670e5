import type { components, paths } from "./spec/openapi.js";

// Names for the generated Heron types that the client's operations use.

type EndUsersGet = paths["/api/end_users"]["get"];

export type EndUserListQuery = Pick<
  NonNullable<EndUsersGet["parameters"]["query"]>,
  "name" | "end_user_id" | "heron_id" | "status" | "page" | "limit" | "order_by"
>;

export type EndUserList =
  EndUsersGet["responses"][200]["content"]["application/json"];

type EndUserGet = paths["/api/end_users/{end_user_id_or_heron_id}"]["get"];

export type EndUserResponse =
  EndUserGet["responses"][200]["content"]["application/json"];

export type EndUser = components["schemas"]["EndUser"];

export type UserWorkflow = components["schemas"]["UserWorkflowSchema"];

export type StartByNameBody =
  components["schemas"]["WorkflowStartByNameRequestSchema"];

export type StartResponse =
  components["schemas"]["WorkflowStartResponseSchema"];

export type ExecutionStatus =
  components["schemas"]["WorkflowExecutionStatusSchema"];

export type Execution = components["schemas"]["WorkflowExecutionSchema"];

type HelloGet = paths["/api/hello_world/authenticated"]["get"];

export type Hello = HelloGet["responses"][200]["content"]["application/json"];
