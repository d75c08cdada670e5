/**
 * Sync progress, stored in one database row so a restart resumes it.
 * - "new": no full sync has started.
 * - "full": a full sync is under way; next_page is the next page to fetch.
 * - "ready": a full sync finished; refreshes fetch what changed since.
 */
export interface SyncState {
  phase: "new" | "full" | "ready";
  next_page: number;
  /**
   * Heron's newest last_updated, in Unix milliseconds, when the current full
   * sync or the last refresh began. A refresh stops at older users.
   */
  watermark_ms: number | null;
  started_at: string | null;
  synced_at: string | null;
  failed_at: string | null;
  error_message: string | null;
}

export const NEW_SYNC_STATE: SyncState = {
  phase: "new",
  next_page: 1,
  watermark_ms: null,
  started_at: null,
  synced_at: null,
  failed_at: null,
  error_message: null,
};
