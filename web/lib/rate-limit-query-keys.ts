/**
 * Query keys for Heron's rate limits. Shared because the start form spends
 * the budget (and invalidates it) while another feature shows it.
 */
export const rateLimitKeys = {
  all: ["heron-rate-limits"] as const,
};
