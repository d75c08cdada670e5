import type {
  ApiErrorCode,
  DuplicateRunSummary,
} from "../../server/contract/errors";

/**
 * Codes the browser adds to the server's own: "network_error" when no
 * response arrived, "unexpected_response" when the response was not the JSON
 * the contract promises (a proxy's HTML error page, for example).
 */
export type ClientErrorCode = "network_error" | "unexpected_response";

export interface ApiErrorInit {
  status: number | null;
  code: ApiErrorCode | ClientErrorCode;
  message: string;
  fields?: Record<string, string[]>;
  requestId?: string | null;
  runId?: string | null;
  retryAfterSeconds?: number | null;
  duplicateOf?: DuplicateRunSummary | null;
}

/** A failed call to the console API, thrown for every non-2xx response. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  /** HTTP status, or null when no response arrived. */
  readonly status: number | null;
  readonly code: ApiErrorCode | ClientErrorCode;
  readonly fields: Record<string, string[]>;
  readonly requestId: string | null;
  readonly runId: string | null;
  readonly retryAfterSeconds: number | null;
  /** The recent run of the same end user and workflow, on duplicate_run. */
  readonly duplicateOf: DuplicateRunSummary | null;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? {};
    this.requestId = init.requestId ?? null;
    this.runId = init.runId ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.duplicateOf = init.duplicateOf ?? null;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
