import { parseFaultSpec } from "./fault-schema.js";
import type { FaultSpec, SandboxOperation } from "./types.js";

/** The active faults, at most one per operation and one for "*". */
export class FaultStore {
  private faults = new Map<FaultSpec["operation"], FaultSpec>();

  set(fault: FaultSpec): void {
    const valid = parseFaultSpec(fault);
    this.faults.set(valid.operation, valid);
  }

  clear(): void {
    this.faults.clear();
  }

  /**
   * Returns the fault for a request and counts it against `times`. A fault on
   * the operation itself wins over a "*" fault. Requests to unknown paths
   * (operation null) match only "*".
   */
  take(operation: SandboxOperation | null): FaultSpec | undefined {
    const key =
      operation !== null && this.faults.has(operation) ? operation : "*";
    const fault = this.faults.get(key);
    if (!fault) return undefined;

    if (fault.times !== undefined) {
      const remaining = fault.times - 1;
      if (remaining === 0) this.faults.delete(key);
      else this.faults.set(key, { ...fault, times: remaining });
    }
    return fault;
  }
}
