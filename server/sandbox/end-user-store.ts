import type { EndUserOrder, EndUserStatus } from "./heron-types.js";
import { sortEndUsers } from "./handlers/end-user-search.js";
import { seedEndUsers, type SeedEndUser } from "./seed/end-users.js";

/** The fields a test may change on an end user through the control route. */
export interface EndUserChange {
  name?: string | null;
  status?: EndUserStatus;
}

/**
 * The sandbox's end users. They start as the seed and change only through
 * the control routes, which stamp last_updated as Heron would. Each sort
 * order is computed once per change, so paging through a large seed does not
 * sort it again for every page.
 */
export class EndUserStore {
  readonly #seedCount: number;
  #users: SeedEndUser[] = [];
  #byHeronId = new Map<string, SeedEndUser>();
  #byEndUserId = new Map<string, SeedEndUser>();
  #sorted = new Map<EndUserOrder, readonly SeedEndUser[]>();
  #lastStampMs = 0;

  constructor(seedCount?: number) {
    this.#seedCount = seedCount ?? seedEndUsers().length;
    this.reset();
  }

  /** Restores the seeded users. */
  reset(): void {
    this.#replace([...seedEndUsers(this.#seedCount)]);
  }

  all(): readonly SeedEndUser[] {
    return this.#users;
  }

  sorted(order: EndUserOrder): readonly SeedEndUser[] {
    let sorted = this.#sorted.get(order);
    if (!sorted) {
      sorted = sortEndUsers([...this.#users], order);
      this.#sorted.set(order, sorted);
    }
    return sorted;
  }

  findByHeronId(heronId: string): SeedEndUser | undefined {
    return this.#byHeronId.get(heronId);
  }

  /** Finds by heron_id first, then by end_user_id, as Heron's lookup does. */
  find(id: string): SeedEndUser | undefined {
    return this.#byHeronId.get(id) ?? this.#byEndUserId.get(id);
  }

  /**
   * Applies the change and sets last_updated to now, later than any earlier
   * change, so the user moves to the front of newest-first pages. Returns the
   * changed user, or undefined when no user has this heron_id.
   */
  update(heronId: string, change: EndUserChange): SeedEndUser | undefined {
    const current = this.#byHeronId.get(heronId);
    if (!current) return undefined;

    this.#lastStampMs = Math.max(Date.now(), this.#lastStampMs + 1);
    const changed: SeedEndUser = Object.freeze({
      ...current,
      ...change,
      last_updated: new Date(this.#lastStampMs).toISOString(),
    });
    this.#replace(
      this.#users.map((user) => (user.heron_id === heronId ? changed : user)),
    );
    return changed;
  }

  /** Deletes the user and returns whether there was one. */
  remove(heronId: string): boolean {
    if (!this.#byHeronId.has(heronId)) return false;
    this.#replace(this.#users.filter((user) => user.heron_id !== heronId));
    return true;
  }

  #replace(users: SeedEndUser[]): void {
    this.#users = users;
    this.#byHeronId = new Map(users.map((user) => [user.heron_id, user]));
    this.#byEndUserId = new Map();
    for (const user of users) {
      if (!this.#byEndUserId.has(user.end_user_id)) {
        this.#byEndUserId.set(user.end_user_id, user);
      }
    }
    this.#sorted.clear();
  }
}
