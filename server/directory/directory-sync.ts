import { randomUUID } from "node:crypto";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";

import type { HeronClient } from "../heron/client.js";
import { HeronError } from "../heron/heron-error.js";
import type { Logger } from "../logger.js";
import type { DirectoryEntry } from "./directory-entry.js";
import { parseTime, type DirectoryStore } from "./directory-store.js";
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
}

/** Rows written per transaction, so searches run between batches. */
const WRITE_BATCH = 500;
/** Wait before a failed sync is tried again, in milliseconds. */
const RETRY_AFTER_FAILURE_MS = 60_000;

/**
 * Keeps the directory in step with Heron. A full sync pages through
 * GET /api/end_users newest first, and a refresh fetches pages from the
 * newest until it reaches users older than the newest one the last sync saw.
 *
 * Newest-first order keeps paging safe while users change. An update moves a
 * user to page 1 and shifts the pages not yet fetched one place later. So a
 * page may repeat a user, which is written twice and kept once, but none is
 * skipped.
 * The users that moved are newer than the watermark, so the refresh that
 * follows every full sync fetches them.
 */
export class DirectorySync {
  readonly #options: DirectorySyncOptions;
  readonly #budget: SyncBudget;
  readonly #stop = new AbortController();
  #running: Promise<void> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #failed = false;
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
   */
  runNow(): Promise<void> {
    if (this.#stop.signal.aborted) return Promise.resolve();
    this.#running ??= this.#run().finally(() => {
      this.#running = null;
      this.#schedule();
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
    const { refreshMinutes } = this.#options;
    const delayMs = this.#failed
      ? RETRY_AFTER_FAILURE_MS
      : refreshMinutes > 0
        ? refreshMinutes * 60_000
        : null;
    if (delayMs === null) return;
    this.#timer = setTimeout(() => void this.runNow(), delayMs);
    this.#timer.unref();
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
      if (this.#state.phase !== "ready") await this.#fullSync(fetcher);
      await this.#refresh(fetcher);
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

  async #fullSync(fetcher: PageFetcher): Promise<void> {
    if (this.#state.phase === "new") {
      this.#save({
        ...this.#state,
        phase: "full",
        next_page: 1,
        watermark_ms: null,
        started_at: new Date().toISOString(),
      });
      this.#options.logger.info("end-user directory full sync started");
    } else {
      this.#options.logger.info(
        { page: this.#state.next_page },
        "end-user directory full sync resumed",
      );
    }

    for (;;) {
      const page = this.#state.next_page;
      const { entries, last } = await fetchPage(fetcher, page);
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
      if (last) return;
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
