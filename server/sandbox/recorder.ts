import type { RecordedRequest } from "./types.js";

// Enough for any test run, while a sandbox left running for days drops the
// oldest.
const MAX_RECORDED_REQUESTS = 10_000;

/** The requests received outside the control routes, oldest first. */
export class RequestRecorder {
  private entries: RecordedRequest[] = [];

  add(entry: RecordedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_RECORDED_REQUESTS) this.entries.shift();
  }

  /** Returns copies, so callers cannot change what was recorded. */
  list(): RecordedRequest[] {
    return this.entries.map((entry) => ({
      ...entry,
      headers: { ...entry.headers },
      body: Buffer.from(entry.body),
    }));
  }

  clear(): void {
    this.entries = [];
  }
}
