import { randomBytes } from "node:crypto";

import type { SeedEndUser } from "./seed/end-users.js";
import { heronId, SeededRandom } from "./seed/seeded-random.js";
import type { WorkflowDefinition } from "./seed/workflows.js";

/** One started workflow. Its status follows from the time since it started. */
export interface Execution {
  heronId: string;
  definition: WorkflowDefinition;
  endUser: SeedEndUser;
  parameters: Record<string, unknown>;
  createdMs: number;
  /** Order of creation, to sort executions started in the same millisecond. */
  sequence: number;
}

// Enough for any test run, while a sandbox left running for days drops the
// oldest.
const MAX_EXECUTIONS = 10_000;

export class ExecutionStore {
  private executions = new Map<string, Execution>();
  private sequence = 0;
  // Seeded per process and not reset by clear(), so an id never repeats
  // within one sandbox nor across restarts: a console whose database
  // outlives the sandbox must not meet an old execution id again.
  private readonly random = new SeededRandom(randomBytes(4).readUInt32LE());

  start(
    definition: WorkflowDefinition,
    endUser: SeedEndUser,
    parameters: Record<string, unknown>,
    nowMs: number,
  ): Execution {
    const execution: Execution = {
      heronId: this.newId(),
      definition,
      endUser,
      parameters,
      createdMs: nowMs,
      sequence: this.sequence++,
    };
    this.executions.set(execution.heronId, execution);
    this.dropOldest();
    return execution;
  }

  get(executionHeronId: string): Execution | undefined {
    return this.executions.get(executionHeronId);
  }

  /** Returns the executions of one workflow for one end user, newest first. */
  listFor(workflowHeronId: string, endUserHeronId: string): Execution[] {
    return [...this.executions.values()]
      .filter(
        (execution) =>
          execution.definition.workflow.heron_id === workflowHeronId &&
          execution.endUser.heron_id === endUserHeronId,
      )
      .sort((a, b) => b.sequence - a.sequence);
  }

  clear(): void {
    this.executions.clear();
  }

  private newId(): string {
    for (;;) {
      const id = heronId("wex_", this.random);
      if (!this.executions.has(id)) return id;
    }
  }

  private dropOldest(): void {
    if (this.executions.size <= MAX_EXECUTIONS) return;
    const oldest = this.executions.keys().next().value;
    if (oldest !== undefined) this.executions.delete(oldest);
  }
}
