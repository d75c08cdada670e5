import type { components, paths } from "../heron/spec/openapi.js";

// Short names for Heron's generated shapes, so the sandbox never restates them.

type Schemas = components["schemas"];

export type EndUser = Schemas["EndUser"];
export type EndUserStatus = NonNullable<EndUser["status"]>;
export type DataSource = Schemas["DataSource"];
export type Tag = Schemas["TagSchema"];
export type Metric = Schemas["Metric"];
export type UserWorkflow = Schemas["UserWorkflowSchema"];
export type WorkflowOwners = Schemas["FlowmingoWorkflowOwners"];
export type WorkflowExecution = Schemas["WorkflowExecutionSchema"];
export type WorkflowExecutionStatus = Schemas["WorkflowExecutionStatusSchema"];
export type WorkflowNodeStatus = Schemas["WorkflowNodeStatus"];
export type StartByNameRequest = Schemas["WorkflowStartByNameRequestSchema"];
export type WorkflowStartResponse = Schemas["WorkflowStartResponseSchema"];

export type ListEndUsersQuery = NonNullable<
  paths["/api/end_users"]["get"]["parameters"]["query"]
>;
export type EndUserOrder = NonNullable<ListEndUsersQuery["order_by"]>;
export type ListEndUsersResponse =
  paths["/api/end_users"]["get"]["responses"][200]["content"]["application/json"];
export type GetEndUserResponse =
  paths["/api/end_users/{end_user_id_or_heron_id}"]["get"]["responses"][200]["content"]["application/json"];
export type HelloWorldResponse =
  paths["/api/hello_world"]["get"]["responses"][200]["content"]["application/json"];

// Records keyed by the generated unions, so a value Heron adds or drops in
// the contract fails type checking here.
const STATUS_KEYS: Record<EndUserStatus, true> = {
  new: true,
  ready: true,
  processed: true,
  reviewed: true,
  review_requested: true,
  failed: true,
};

const ORDER_KEYS: Record<EndUserOrder, true> = {
  last_updated_desc: true,
  last_updated_asc: true,
  created_desc: true,
  created_asc: true,
};

export const END_USER_STATUSES = Object.keys(STATUS_KEYS) as EndUserStatus[];
export const END_USER_ORDERS = Object.keys(ORDER_KEYS) as EndUserOrder[];
