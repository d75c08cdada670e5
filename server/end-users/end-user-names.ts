/**
 * Names of end users the console has returned in searches, by heron_id.
 * A start records the name from here rather than asking Heron for it, which
 * would cost one more rate-limited call per start. The name is for display
 * only: it is null when the server restarted since the search.
 */
export class EndUserNames {
  readonly #names = new Map<string, string>();
  readonly #maxEntries: number;

  constructor(maxEntries = 10_000) {
    this.#maxEntries = maxEntries;
  }

  remember(heronId: string, name: string | null | undefined): void {
    if (!name) return;
    // Re-inserting moves the entry to the end, so the oldest go first.
    this.#names.delete(heronId);
    this.#names.set(heronId, name);
    if (this.#names.size > this.#maxEntries) {
      const oldest = this.#names.keys().next().value;
      if (oldest !== undefined) this.#names.delete(oldest);
    }
  }

  get(heronId: string): string | null {
    return this.#names.get(heronId) ?? null;
  }
}
