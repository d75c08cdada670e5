import { QueryClient } from "@tanstack/react-query";
import { isApiError } from "./api-error";

const MAX_QUERY_RETRIES = 2;

/**
 * Retries reads only for failures that may pass on their own: no response,
 * or a 5xx. A 4xx will fail the same way again, and a 429 should wait for
 * its window rather than spend more of it.
 */
export function shouldRetryQuery(failureCount: number, error: unknown) {
  if (failureCount >= MAX_QUERY_RETRIES) return false;
  if (!isApiError(error)) return true;

  return error.status === null || error.status >= 500;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetryQuery,
        refetchOnWindowFocus: false,
        staleTime: 15_000,
      },
      // A start request is never retried by the client: a second attempt
      // could start the workflow twice.
      mutations: { retry: false },
    },
  });
}
