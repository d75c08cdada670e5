// Responses of the console about a started run's execution at Heron.

export interface ExecutionNode {
  /** The node's key in Heron's status response. */
  name: string;
  status: string | null;
  started_time?: string;
  finished_time?: string;
  /** Heron's error message for the node, or its error object as JSON. */
  error?: string;
}

export interface ExecutionStatusAvailable {
  available: true;
  status: string | null;
  /** True once the status is one that does not change any more. */
  finished: boolean;
  nodes: ExecutionNode[];
  /** When the console read this status from Heron. */
  checked_at: string;
}

export interface ExecutionStatusUnavailable {
  available: false;
  /** A sentence for staff on why Heron gave no status. */
  reason: string;
}

export type ExecutionStatusResult =
  ExecutionStatusAvailable | ExecutionStatusUnavailable;
