import type express from "express";
import type { EndUserChange } from "./end-user-store.js";
import type { EndUser } from "./heron-types.js";

/** The Heron operations the console calls, one name per method and path. */
export const SANDBOX_OPERATIONS = [
  "hello_world",
  "hello_world_authenticated",
  "list_end_users",
  "get_end_user",
  "list_workflows",
  "start_by_name",
  "execution_status",
  "list_executions",
] as const;

export type SandboxOperation = (typeof SANDBOX_OPERATIONS)[number];

export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

export interface SandboxOptions {
  /** The only key accepted in x-api-key. */
  apiKey: string;
  /** Default "127.0.0.1". */
  host?: string;
  /** Default 0, which picks a free port. */
  port?: number;
  /** Default 100 requests per 60 s for each operation. */
  rateLimits?: Partial<Record<SandboxOperation, RateLimit>>;
  /** Milliseconds between an execution's steps, default 2000. */
  executionStepMs?: number;
  /** End users to seed, default 240; larger seeds add generated users. */
  endUsers?: number;
  /** Turns off the per-request log lines. */
  quiet?: boolean;
}

export interface FaultSpec {
  operation: SandboxOperation | "*";
  /** Delay before responding, or before the fault's effect. */
  latencyMs?: number;
  respond?: {
    status: number;
    format: "envelope" | "html";
    description?: unknown;
  };
  /** Read the request and never respond. */
  hang?: boolean;
  /** Read the whole request, then destroy the socket without a response. */
  closeAfterRead?: boolean;
  /** Respond 200 with a body that is not valid JSON. */
  malformedJson?: boolean;
  /** Apply to the next N matching requests only; default until cleared. */
  times?: number;
}

export interface RecordedRequest {
  method: string;
  /** Path only, as received (still percent-encoded). */
  path: string;
  /** Path and query, as received. */
  url: string;
  operation: SandboxOperation | null;
  headers: Record<string, string | string[] | undefined>;
  /** Raw bytes exactly as received. */
  body: Buffer;
  /** ISO 8601 time the request arrived. */
  receivedAt: string;
}

export interface SandboxControl {
  /** Replaces any fault on the same operation; throws when invalid. */
  setFault(fault: FaultSpec): void;
  clearFaults(): void;
  requests(): RecordedRequest[];
  clearRequests(): void;
  /**
   * Changes an end user and stamps its last_updated with now. Returns the
   * changed user, or undefined when no user has this heron_id.
   */
  updateEndUser(heronId: string, change: EndUserChange): EndUser | undefined;
  /** Deletes an end user and returns whether there was one. */
  removeEndUser(heronId: string): boolean;
  /**
   * Clears faults, recorded requests, rate-limit windows and executions, and
   * restores the seeded end users.
   */
  reset(): void;
}

export interface SandboxServer {
  /** Base URL, such as http://127.0.0.1:43123. */
  url: string;
  port: number;
  control: SandboxControl;
  /** Stops listening and destroys open sockets, hung requests included. */
  close(): Promise<void>;
}

export interface SandboxApp {
  app: express.Express;
  control: SandboxControl;
}
