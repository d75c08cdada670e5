import type { RateLimit } from "./rate-limit.js";

/**
 * - http: Heron responded with a non-2xx status.
 * - timeout: no complete response arrived within the configured time.
 * - network: the connection failed or closed before a complete response.
 * - bad_response: Heron responded 2xx with a body that is not the expected
 *   JSON.
 */
export type HeronErrorKind = "http" | "timeout" | "network" | "bad_response";

/** Heron's error body: `{code, description, name}`. */
export interface HeronErrorEnvelope {
  code: number;
  /** A sentence, or for 422 an object keyed by input location then field. */
  description: unknown;
  name: string;
}

export interface HeronErrorDetails {
  kind: HeronErrorKind;
  operation: string;
  /**
   * Whether the whole request reached the socket. After that a timeout or
   * closed connection leaves the outcome unknown: Heron may have acted on it.
   */
  requestSent: boolean;
  status?: number;
  envelope?: HeronErrorEnvelope;
  /** The start of the response body when it was not an envelope. */
  responseText?: string;
  rateLimit?: RateLimit;
  /** The deadline that passed, on kind "timeout". */
  timeoutMs?: number;
  cause?: unknown;
}

/** A failed Heron call. Its message never contains the API key. */
export class HeronError extends Error {
  readonly kind: HeronErrorKind;
  readonly operation: string;
  readonly requestSent: boolean;
  readonly status: number | null;
  readonly envelope: HeronErrorEnvelope | null;
  readonly responseText: string | null;
  readonly rateLimit: RateLimit;
  readonly timeoutMs: number | null;

  constructor(message: string, details: HeronErrorDetails) {
    super(message, { cause: details.cause });
    this.name = "HeronError";
    this.kind = details.kind;
    this.operation = details.operation;
    this.requestSent = details.requestSent;
    this.status = details.status ?? null;
    this.envelope = details.envelope ?? null;
    this.responseText = details.responseText ?? null;
    this.rateLimit = details.rateLimit ?? {
      limit: null,
      remaining: null,
      resetAt: null,
    };
    this.timeoutMs = details.timeoutMs ?? null;
  }
}
