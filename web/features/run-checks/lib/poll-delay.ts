const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 15_000;

/**
 * Returns how long to wait before reading an execution's status again after
 * `reads` reads: 1 s, 2 s, 4 s, 8 s, then 15 s each time. Backing off keeps a
 * long execution from spending Heron's rate limit on status reads.
 */
export function pollDelayMs(reads: number): number {
  const doublings = Math.max(0, Math.floor(reads) - 1);

  return Math.min(FIRST_DELAY_MS * 2 ** doublings, MAX_DELAY_MS);
}
