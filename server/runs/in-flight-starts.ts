export type KeyedTaskResult<T> = { ok: true; value: T } | { ok: false };

/**
 * The starts this process is working on: by idempotency key, so a repeated
 * request waits for the first, and by run id, so shutdown can wait for the
 * Heron calls in flight.
 */
export class InFlightStarts {
  readonly #byKey = new Map<string, Promise<void>>();
  readonly #calls = new Map<string, Promise<void>>();
  #closing = false;

  /** True once shutdown began; new starts are then rejected. */
  get closing(): boolean {
    return this.#closing;
  }

  /**
   * Runs `task` once no other task has claimed `key`. Waits up to `waitMs` for a
   * holder to finish and returns {ok: false} when it did not.
   */
  async withKey<T>(
    key: string,
    waitMs: number,
    task: () => Promise<T>,
  ): Promise<KeyedTaskResult<T>> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const holder = this.#byKey.get(key);
      if (!holder) break;
      const finished = await settlesWithin(holder, deadline - Date.now());
      if (!finished) return { ok: false };
    }

    // Nothing awaits between the check above and this claim, so no other
    // request can slip in.
    const promise = task();
    const held = promise.then(ignore, ignore);
    this.#byKey.set(key, held);
    try {
      return { ok: true, value: await promise };
    } finally {
      if (this.#byKey.get(key) === held) this.#byKey.delete(key);
    }
  }

  /** Tracks the Heron call of run `runId` until `call` settles. */
  track<T>(runId: string, call: Promise<T>): Promise<T> {
    const settled = call.then(ignore, ignore);
    this.#calls.set(runId, settled);
    void settled.then(() => this.#calls.delete(runId));
    return call;
  }

  /** Ids of the runs whose Heron call is still in flight. */
  runIds(): string[] {
    return [...this.#calls.keys()];
  }

  /**
   * Rejects new starts from now on and waits up to `waitMs` for the calls in
   * flight. Returns true when all of them finished in time.
   */
  async close(waitMs: number): Promise<boolean> {
    this.#closing = true;
    const deadline = Date.now() + waitMs;
    while (this.#calls.size > 0) {
      const all = Promise.all(this.#calls.values()).then(ignore);
      if (!(await settlesWithin(all, deadline - Date.now()))) return false;
    }
    return true;
  }
}

function ignore(): void {}

/** Resolves true when `promise` settles within `ms`, else false. */
function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void promise.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
