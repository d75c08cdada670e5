import { randomUUID } from "node:crypto";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";

import type { HeronClient } from "../heron/client.js";
import { HeronError } from "../heron/heron-error.js";
import type { Logger } from "../logger.js";
import type { DirectoryEntry } from "./directory-entry.js";
import { parseTime, type DirectoryStore } from "./directory-store.js";
import { pageShowsDeletion } from "./deletion-check.js";
import { SyncBudget } from "./sync-budget.js";
import type { SyncState } from "./sync-state.js";
import { fetchPage, SyncStopped, type PageFetcher } from "./fetch-page.js";

export interface DirectorySyncOptions {
  heron: HeronClient;
  store: DirectoryStore;
  logger: Logger;
  /** End users per Heron page, at most 10,000. */
  pageSize: number;
  /** Share of the list endpoint's rate limit the sync may use, 0 to 1. */
  rateShare: number;
  /** Minutes between refreshes; 0 turns periodic refreshes off. */
  refreshMinutes: number;
  /** Hours between full syncs; 0 runs only the first. */
  fullSyncHours: number;
}

/**
 * Rows written per transaction, so searches run between batches. At 200,000
 * users a batch of 100 took about 8 ms (p50) against 40 ms for 500, and the
 * whole sync about 3% longer, measured in one process on the bench machine.
 */
const WRITE_BATCH = 100;
/** Wait before a failed sync is tried again, in milliseconds. */
const RETRY_AFTER_FAILURE_MS = 60_000;
/**
 * Wait before another full sync after one that may have skipped users, in
 * milliseconds. Deletions often come in batches, so this waits for the
 * batch to end rather than starting again at once.
 */
const FOLLOW_UP_FULL_SYNC_MS = 5 * 60_000;

interface FullSyncResult {
  /** When the full sync began, ISO 8601 UTC. */
  startedAt: string;
  mayHaveSkipped: boolean;
}

/**
 * Keeps the directory in step with Heron. A full sync pages through
 * GET /api/end_users newest first, and a refresh fetches pages from the
 * newest until it reaches users older than the newest one the last sync saw.
 *
 * Heron's list pages by offset (page and limit, with no time filter), so the
 * pages shift when users change during a full sync:
 * - An update moves a user to page 1 and shifts the pages not yet fetched
 *   one place later. A page may then repeat a user, which is written twice
 *   and kept once. The moved users are newer than the watermark, so the
 *   refresh that follows every full sync fetches them.
 * - A deletion from a page already fetched shifts the later pages one place
 *   earlier, so a user is skipped. When a page shows this (see
 *   pageShowsDeletion), another full sync runs soon.
 * After a full sync and the refresh that follows it, entries neither of them
 * saw are marked gone, because Heron no longer lists them. Full syncs repeat
 * every fullSyncHours, which also brings back users skipped without a sign.
 */
export class DirectorySync {
  readonly #options: DirectorySyncOptions;
  readonly #budget: SyncBudget;
  readonly #stop = new AbortController();
  #running: Promise<void> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #failed = false;
  /**
   * When the follow-up to a full sync that may have skipped users is due.
   * NOTE: kept in memory only, so after a restart the skipped users return
   * with the next scheduled full sync instead.
   */
  #followUpAt: number | null = null;
  /** Whether an admin asked for a full sync that has not begun yet. */
  #fullRequested = false;
  #count: number;
  #state: SyncState;

  constructor(options: DirectorySyncOptions) {
    this.#options = options;
    this.#budget = new SyncBudget(options.rateShare);
    this.#count = options.store.count();
    this.#state = options.store.readSyncState();
  }

  get running(): boolean {
    return this.#running !== null;
  }

  get failed(): boolean {
    return this.#failed;
  }

  get state(): Readonly<SyncState> {
    return this.#state;
  }

  get count(): number {
    return this.#count;
  }

  /** Recounts after a change outside the sync, such as a lookup. */
  recount(): void {
    this.#count = this.#options.store.count();
  }

  /** Starts the first sync in the background, so it never delays the caller. */
  start(): void {
    setImmediate(() => this.runNow());
  }

  /**
   * Starts a sync unless one is running, and returns the run. A directory
   * that never finished a full sync resumes it, and any other refreshes.
   * With `full`, the next sync is a full one, which also hides the users
   * that Heron no longer lists.
   */
  runNow({ full = false }: { full?: boolean } = {}): Promise<void> {
    if (this.#stop.signal.aborted) return Promise.resolve();
    if (full) this.#fullRequested = true;
    this.#running ??= this.#run().finally(() => {
      this.#running = null;
      // A full sync requested while another sync ran starts now, unless
      // that sync failed: then the retry delay applies.
      if (this.#fullRequested && !this.#failed) void this.runNow();
      else this.#schedule();
    });
    return this.#running;
  }

  /** Resolves when no sync is running. */
  async whenIdle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /** Stops at the next request or wait, and resolves when it has. */
  async stop(): Promise<void> {
    this.#stop.abort();
    if (this.#timer) clearTimeout(this.#timer);
    await this.#running;
  }

  #schedule(): void {
    if (this.#stop.signal.aborted) return;
    if (this.#timer) clearTimeout(this.#timer);
    const delayMs = this.#nextDelayMs(Date.now());
    if (delayMs === null) return;
    this.#timer = setTimeout(() => void this.runNow(), delayMs);
    this.#timer.unref();
  }

  /** Returns the wait until the next refresh or full sync, or null. */
  #nextDelayMs(nowMs: number): number | null {
    if (this.#failed) return RETRY_AFTER_FAILURE_MS;

    const delays: number[] = [];
    const { refreshMinutes } = this.#options;
    if (refreshMinutes > 0) delays.push(refreshMinutes * 60_000);
    const fullSyncAt = this.#nextFullSyncAt();
    if (fullSyncAt !== null) delays.push(Math.max(0, fullSyncAt - nowMs));
    return delays.length > 0 ? Math.min(...delays) : null;
  }

  /**
   * Returns when the next full sync is due, in Unix milliseconds: soon after
   * one that may have skipped users, else fullSyncHours after the last one
   * began. Null when none is due.
   */
  #nextFullSyncAt(): number | null {
    if (this.#followUpAt !== null) return this.#followUpAt;
    const { fullSyncHours } = this.#options;
    const lastStartedMs = parseTime(this.#state.started_at);
    if (fullSyncHours <= 0 || lastStartedMs === null) return null;
    return lastStartedMs + fullSyncHours * 3_600_000;
  }

  /**
   * Returns why a new full sync should begin now, or null. A follow-up that
   * is pending runs at the next sync, even one an admin asked for early.
   */
  #fullSyncReason(nowMs: number): string | null {
    if (this.#state.phase === "new") return "first";
    if (this.#state.phase !== "ready") return null;
    if (this.#fullRequested) return "requested";
    if (this.#followUpAt !== null) return "follow-up";
    const dueAt = this.#nextFullSyncAt();
    return dueAt !== null && nowMs >= dueAt ? "scheduled" : null;
  }

  async #run(): Promise<void> {
    const { logger } = this.#options;
    const requestId = `directory-sync-${randomUUID()}`;
    const fetcher: PageFetcher = {
      heron: this.#options.heron,
      budget: this.#budget,
      logger,
      pageSize: this.#options.pageSize,
      requestId,
      signal: this.#stop.signal,
    };
    const started = performance.now();

    try {
      const reason = this.#fullSyncReason(Date.now());
      if (reason !== null) this.#beginFullSync(reason);
      const fullSync =
        this.#state.phase === "full"
          ? await this.#fullSync(fetcher, reason === null)
          : null;
      await this.#refresh(fetcher);
      if (fullSync) this.#markUnseenGone(fullSync);
      this.#failed = false;
      logger.info(
        {
          requestId,
          count: this.#count,
          ms: Math.round(performance.now() - started),
        },
        "end-user directory synced",
      );
    } catch (error) {
      if (error instanceof SyncStopped) return;
      this.#failed = true;
      const message = describeFailure(error);
      this.#save({
        ...this.#state,
        failed_at: new Date().toISOString(),
        error_message: message,
      });
      logger.error(
        {
          requestId,
          err: error instanceof HeronError ? undefined : error,
          reason: message,
          retryInMs: RETRY_AFTER_FAILURE_MS,
        },
        "end-user directory sync failed",
      );
    }
  }

  #beginFullSync(reason: string): void {
    this.#followUpAt = null;
    this.#fullRequested = false;
    this.#save({
      ...this.#state,
      phase: "full",
      next_page: 1,
      watermark_ms: null,
      started_at: new Date().toISOString(),
    });
    this.#options.logger.info(
      { reason },
      "end-user directory full sync started",
    );
  }

  /**
   * Fetches the pages of a full sync from state.next_page to the last one.
   * A resumed sync may have skipped users deleted while it was stopped,
   * because the totals of its earlier pages are lost.
   */
  async #fullSync(
    fetcher: PageFetcher,
    resumed: boolean,
  ): Promise<FullSyncResult> {
    const startedAt = this.#state.started_at ?? new Date().toISOString();
    let mayHaveSkipped = resumed && this.#state.next_page > 1;
    let previousTotal: number | null = null;
    if (resumed) {
      this.#options.logger.info(
        { page: this.#state.next_page },
        "end-user directory full sync resumed",
      );
    }

    for (;;) {
      const page = this.#state.next_page;
      const fetched = await fetchPage(fetcher, page);
      const { entries, last } = fetched;
      if (pageShowsDeletion(fetched, page, fetcher.pageSize, previousTotal)) {
        mayHaveSkipped = true;
      }
      previousTotal = fetched.total ?? previousTotal;
      const watermark = this.#state.watermark_ms ?? newestTime(entries) ?? null;
      await this.#write(entries);
      this.#save({
        ...this.#state,
        watermark_ms: watermark,
        next_page: last ? 1 : page + 1,
        ...(last
          ? { phase: "ready" as const, synced_at: new Date().toISOString() }
          : {}),
      });
      if (last) break;
    }

    if (mayHaveSkipped) {
      this.#followUpAt = Date.now() + FOLLOW_UP_FULL_SYNC_MS;
      this.#options.logger.warn(
        { inMs: FOLLOW_UP_FULL_SYNC_MS },
        "end-user directory full sync may have skipped users, because " +
          "Heron deleted users while it paged, so another full sync follows",
      );
    }
    return { startedAt, mayHaveSkipped };
  }

  /**
   * Marks gone the entries that the full sync and the refresh after it did
   * not see, because Heron no longer lists them. After a sync that may have
   * skipped users this waits for the follow-up, so no live user is hidden.
   */
  #markUnseenGone(fullSync: FullSyncResult): void {
    if (fullSync.mayHaveSkipped) return;
    const { store, logger } = this.#options;
    const gone = store.markUnseenGone(
      fullSync.startedAt,
      new Date().toISOString(),
    );
    this.recount();
    if (gone > 0) {
      logger.info(
        { gone },
        "end users that the full sync did not see marked gone in the directory",
      );
    }
  }

  async #refresh(fetcher: PageFetcher): Promise<void> {
    const watermark = this.#state.watermark_ms;
    let newest = watermark;

    for (let page = 1; ; page++) {
      const { entries, last } = await fetchPage(fetcher, page);
      const pageNewest = newestTime(entries);
      if (pageNewest !== null && (newest === null || pageNewest > newest)) {
        newest = pageNewest;
      }
      const changed = entries.filter((entry) => {
        const ms = parseTime(entry.heron_updated_at);
        return watermark === null || ms === null || ms >= watermark;
      });
      await this.#write(changed);
      if (last || changed.length < entries.length) break;
    }

    this.#save({
      ...this.#state,
      watermark_ms: newest,
      synced_at: new Date().toISOString(),
      failed_at: null,
      error_message: null,
    });
  }

  async #write(entries: readonly DirectoryEntry[]): Promise<void> {
    const seenAt = new Date().toISOString();
    for (let start = 0; start < entries.length; start += WRITE_BATCH) {
      this.#options.store.upsert(
        entries.slice(start, start + WRITE_BATCH),
        seenAt,
      );
      await yieldToEventLoop();
    }
    this.recount();
  }

  #save(state: SyncState): void {
    this.#options.store.writeSyncState(state);
    this.#state = state;
  }
}

function newestTime(entries: readonly DirectoryEntry[]): number | null {
  let newest: number | null = null;
  for (const entry of entries) {
    const ms = parseTime(entry.heron_updated_at);
    if (ms !== null && (newest === null || ms > newest)) newest = ms;
  }
  return newest;
}

function describeFailure(error: unknown): string {
  if (error instanceof HeronError) {
    const status = error.status === null ? error.kind : `HTTP ${error.status}`;
    return (
      `Listing end users at Heron failed (${status}): ${error.message}. ` +
      "The console tries again in a minute."
    );
  }
  return (
    "The end-user directory failed inside the console. The console tries " +
    "again in a minute; the log has the details."
  );
}
