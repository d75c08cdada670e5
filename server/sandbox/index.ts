// The Heron sandbox: an imitation of Heron Data's HTTP API for local use and
// tests, with faults on demand and a record of every request.

export { createSandboxApp } from "./app.js";
export { startSandbox } from "./server.js";
export { seedEndUsers, type SeedEndUser } from "./seed/end-users.js";
export {
  seedWorkflowDefinitions,
  seedWorkflows,
  type ParameterRule,
  type SeedWorkflow,
  type WorkflowDefinition,
} from "./seed/workflows.js";
export type { RecordedRequestJson } from "./control-router.js";
export type { HeronErrorEnvelope } from "./envelope.js";
export {
  SANDBOX_OPERATIONS,
  type FaultSpec,
  type RateLimit,
  type RecordedRequest,
  type SandboxApp,
  type SandboxControl,
  type SandboxOperation,
  type SandboxOptions,
  type SandboxServer,
} from "./types.js";
