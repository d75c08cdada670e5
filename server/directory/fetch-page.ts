import { setTimeout as sleep } from "node:timers/promises";

import type { HeronClient } from "../heron/client.js";
import { HeronError } from "../heron/heron-error.js";
import type { Logger } from "../logger.js";
import type { DirectoryEntry } from "./directory-entry.js";
import type { SyncBudget } from "./sync-budget.js";
import { toDirectoryEntry } from "./to-directory-entry.js";

export interface PageFetcher {
  heron: HeronClient;
  budget: SyncBudget;
  logger: Logger;
  pageSize: number;
  requestId: string;
  /** Aborted when the console stops. */
  signal: AbortSignal;
}

export interface FetchedPage {
  entries: DirectoryEntry[];
  /** Users in Heron's response, counting any that were not valid entries. */
  size: number;
  /** Heron's count of all users in the list (`_meta.total`), if it sent one. */
  total: number | null;
  /** Whether this is the last page of the list. */
  last: boolean;
}

/** Thrown when the console stops during a sync. */
export class SyncStopped extends Error {
  constructor() {
    super("The end-user directory sync stopped because the console stops.");
    this.name = "SyncStopped";
  }
}

/** Attempts per page for timeouts, network failures and 5xx responses. */
const MAX_ATTEMPTS = 3;
const RETRY_BASE_MS = 2000;

/**
 * Fetches one page of end users, newest first, within the sync's share of
 * the rate limit. A 429 waits for Heron's reset and tries again without
 * counting an attempt. A timeout, network failure or 5xx tries again up to
 * MAX_ATTEMPTS times. Other failures are thrown.
 */
export async function fetchPage(
  fetcher: PageFetcher,
  page: number,
): Promise<FetchedPage> {
  const { heron, budget, logger, pageSize, requestId, signal } = fetcher;

  for (let attempt = 1; ;) {
    await wait(budget.delayMs(Date.now()), signal);
    try {
      const { body, rateLimit } = await heron.listEndUsers(
        { page, limit: pageSize, order_by: "last_updated_desc" },
        { requestId },
      );
      budget.record(rateLimit);
      const users = body.end_users ?? [];
      const pages = body._meta?.pages;
      return {
        entries: users.flatMap((user) => toDirectoryEntry(user) ?? []),
        size: users.length,
        total: body._meta?.total ?? null,
        last: users.length < pageSize || (pages !== undefined && page >= pages),
      };
    } catch (error) {
      if (!(error instanceof HeronError)) throw error;
      if (error.status === 429) {
        const waitMs = budget.waitAfterRejection(error.rateLimit, Date.now());
        logger.warn(
          { requestId, page, waitMs },
          "end-user directory sync hit Heron's rate limit, so it waits for the reset",
        );
        await wait(waitMs, signal);
        continue;
      }
      budget.record(error.rateLimit);
      const retryable =
        error.kind === "timeout" ||
        error.kind === "network" ||
        (error.status !== null && error.status >= 500);
      if (!retryable || attempt >= MAX_ATTEMPTS) throw error;
      const waitMs = RETRY_BASE_MS * 2 ** (attempt - 1);
      logger.warn(
        { requestId, page, attempt, waitMs, kind: error.kind },
        "end-user directory sync retries a failed page",
      );
      attempt++;
      await wait(waitMs, signal);
    }
  }
}

async function wait(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) throw new SyncStopped();
  if (ms <= 0) return;
  try {
    await sleep(ms, undefined, { signal });
  } catch {
    throw new SyncStopped();
  }
}
