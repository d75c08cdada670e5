import type Database from "better-sqlite3";

import type {
  EndUserDirectoryStatus,
  EndUserLookupFailure,
  EndUserSearchResult,
  EndUserSummary,
} from "../contract/heron-data.js";
import type { CallContext, HeronClient } from "../heron/client.js";
import { HeronError } from "../heron/heron-error.js";
import type { Logger } from "../logger.js";
import type { DirectoryEntry } from "./directory-entry.js";
import { DirectoryStore } from "./directory-store.js";
import { DirectorySync } from "./directory-sync.js";
import { HERON_ID_PATTERN, looksLikeId, RecentMisses } from "./id-lookups.js";
import { lookUpEndUser } from "./look-up-end-user.js";
import { searchDirectory } from "./search-directory.js";

/** Maximum users per search response. */
export const END_USER_SEARCH_LIMIT = 20;

/**
 * Time limit of one lookup at Heron during a search, in milliseconds. It is
 * shorter than the Heron client's own timeout, because staff wait for the
 * search as they type, and the directory's own matches are ready already.
 */
export const END_USER_LOOKUP_TIMEOUT_MS = 3000;

interface LookupResult {
  found: DirectoryEntry | null;
  failure: EndUserLookupFailure | null;
}

export interface EndUserDirectoryOptions {
  heron: HeronClient;
  db: Database.Database;
  logger: Logger;
  pageSize: number;
  rateShare: number;
  refreshMinutes: number;
  fullSyncHours: number;
}

/**
 * The console's copy of Heron's end users: searched on every keystroke,
 * kept in step by DirectorySync, and completed by lookups at Heron for ids
 * it does not have yet.
 */
export class EndUserDirectory {
  readonly #store: DirectoryStore;
  readonly #sync: DirectorySync;
  readonly #heron: HeronClient;
  readonly #logger: Logger;
  readonly #misses = new RecentMisses();

  constructor(options: EndUserDirectoryOptions) {
    this.#store = new DirectoryStore(options.db);
    this.#heron = options.heron;
    this.#logger = options.logger;
    this.#sync = new DirectorySync({ ...options, store: this.#store });
  }

  /** Starts the first sync in the background and the periodic refresh. */
  start(): void {
    this.#sync.start();
  }

  /**
   * Starts a sync now unless one is running, and returns the running one:
   * a refresh, or the rest of an unfinished full sync. With `full`, a full
   * sync follows, which hides end users deleted at Heron.
   */
  runNow(options: { full?: boolean } = {}): Promise<void> {
    return this.#sync.runNow(options);
  }

  /** Resolves when no sync is running, for tests and the benchmark. */
  whenIdle(): Promise<void> {
    return this.#sync.whenIdle();
  }

  /** Stops the sync at its next request or wait, and resolves when it has. */
  stop(): Promise<void> {
    return this.#sync.stop();
  }

  /** Closes the directory's connection, after stop() has resolved. */
  close(): void {
    this.#store.db.close();
  }

  status(): EndUserDirectoryStatus {
    const state = this.#sync.state;
    const failed = this.#sync.failed && !this.#sync.running;
    // synced_at is first set when the first full sync ends. A later full
    // sync leaves the directory complete while it runs.
    const complete = state.phase === "ready" || state.synced_at !== null;
    let summary: EndUserDirectoryStatus["state"] = "ready";
    if (this.#sync.running) summary = "syncing";
    else if (failed) summary = "failed";
    return {
      state: summary,
      complete,
      synced_at: state.synced_at,
      count: this.#sync.count,
      error: failed ? state.error_message : null,
    };
  }

  /**
   * Searches the directory. Text that equals an id character for character
   * returns only that end user. Id-like text the directory does not have is looked up at Heron and
   * added. A failed lookup returns the directory's own results and sets
   * lookup_failure.
   */
  async search(
    text: string,
    context: CallContext,
  ): Promise<EndUserSearchResult> {
    const local = searchDirectory(this.#store, text, END_USER_SEARCH_LIMIT);
    // Only an id equal to the text, character for character, is an exact
    // match, because the picker selects a single exact match by itself. An
    // id that differs in case or accents stays first among the results.
    const sameId = local.rows
      .slice(0, local.exactCount)
      .filter((row) => row.heron_id === text || row.end_user_id === text);
    if (sameId.length > 0) {
      const exact = sameId.map(toSummary);
      return this.#result(exact, "exact", exact.length, null);
    }

    let failure: EndUserLookupFailure | null = null;
    if (this.#shouldLookUp(text, local.total)) {
      const lookup = await this.#lookUp(text, context);
      if (lookup.found) {
        return this.#result([toSummary(lookup.found)], "exact", 1, null);
      }
      failure = lookup.failure;
    }
    const rows = local.rows.map(toSummary);
    return this.#result(rows, "search", local.total, failure);
  }

  /** Marks an end user gone after Heron responded that it has no such user. */
  markGone(heronId: string): void {
    if (this.#store.markGone(heronId, new Date().toISOString())) {
      this.#sync.recount();
      this.#logger.info(
        { endUserHeronId: heronId },
        "end user marked gone in the directory, because Heron did not find it",
      );
    }
  }

  #shouldLookUp(text: string, localTotal: number): boolean {
    if (this.#misses.has(text, Date.now())) return false;
    if (HERON_ID_PATTERN.test(text)) return true;
    // While the first sync runs, any id-like text may be a user not fetched
    // yet. Afterwards only id-like text that matches nothing is looked up.
    const partial = this.#sync.state.phase !== "ready";
    return looksLikeId(text) && (partial || localTotal === 0);
  }

  async #lookUp(text: string, context: CallContext): Promise<LookupResult> {
    const timeoutMs = Math.min(
      context.timeoutMs ?? END_USER_LOOKUP_TIMEOUT_MS,
      END_USER_LOOKUP_TIMEOUT_MS,
    );
    try {
      const found = await lookUpEndUser(this.#heron, text, {
        ...context,
        timeoutMs,
      });
      if (!found) {
        this.#misses.add(text, Date.now());
        return { found: null, failure: null };
      }
      this.#store.upsert([found], new Date().toISOString());
      this.#sync.recount();
      return { found, failure: null };
    } catch (error) {
      // The Heron client has logged the failed call. The failure is not
      // remembered as a miss, so the next search sends the lookup again.
      if (!(error instanceof HeronError)) throw error;
      const failure: EndUserLookupFailure = {
        id: text,
        reason: error.kind,
        http_status: error.status,
        timeout_ms: error.kind === "timeout" ? error.timeoutMs : null,
      };
      return { found: null, failure };
    }
  }

  #result(
    endUsers: EndUserSummary[],
    match: EndUserSearchResult["match"],
    total: number,
    lookupFailure: EndUserLookupFailure | null,
  ): EndUserSearchResult {
    return {
      end_users: endUsers,
      match,
      total,
      lookup_failure: lookupFailure,
      directory: this.status(),
    };
  }
}

function toSummary(entry: DirectoryEntry): EndUserSummary {
  return {
    heron_id: entry.heron_id,
    end_user_id: entry.end_user_id,
    name: entry.name,
    status: entry.status,
  };
}
