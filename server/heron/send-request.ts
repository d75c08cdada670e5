import type { IncomingHttpHeaders } from "node:http";

import { util, type Dispatcher } from "undici";

export interface OutgoingRequest {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Deadline for connecting, sending and reading the whole response. */
  timeoutMs: number;
  /** Larger responses are cut off and fail as a network error. */
  maxResponseBytes: number;
}

export interface IncomingResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A request that got no complete response. */
export class TransportError extends Error {
  readonly reason: "timeout" | "network";
  readonly requestSent: boolean;
  readonly code: string | null;

  constructor(
    reason: "timeout" | "network",
    requestSent: boolean,
    cause?: unknown,
  ) {
    const detail = cause instanceof Error ? cause.message : "no response";
    super(reason === "timeout" ? "timed out" : `connection failed: ${detail}`, {
      cause,
    });
    this.name = "TransportError";
    this.reason = reason;
    this.requestSent = requestSent;
    this.code = readErrorCode(cause);
  }
}

// undici 7 calls onRequestSent only on handlers written in its older
// callback style, and no other public hook reports whether the request was
// fully written. That fact decides whether a failed start has an unknown
// outcome, so this handler keeps the older style.
// NOTE: undici marks these callbacks deprecated. Recheck this file, and the
// client tests for requestSent, when moving to a new undici major version.
interface LegacyHandler extends Dispatcher.DispatchHandler {
  onRequestSent(): void;
}

/**
 * Sends one request through `dispatcher` and collects the whole response.
 * Rejects with TransportError on a timeout or failed connection, recording
 * whether the request had been fully sent.
 */
export function sendRequest(
  dispatcher: Dispatcher,
  request: OutgoingRequest,
): Promise<IncomingResponse> {
  return new Promise((resolve, reject) => {
    let requestSent = false;
    let settled = false;
    let abortRequest: ((error: Error) => void) | null = null;
    let status = 0;
    let headers: IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    let received = 0;

    const fail = (error: TransportError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(error);
    };

    const timer = setTimeout(() => {
      const error = new TransportError("timeout", requestSent);
      fail(error);
      abortRequest?.(error);
    }, request.timeoutMs);

    const handler: LegacyHandler = {
      onConnect(abort) {
        // The deadline may pass while the pool is still connecting.
        if (settled) abort(new Error("the deadline passed before sending"));
        else abortRequest = abort;
      },
      onRequestSent() {
        requestSent = true;
      },
      onHeaders(statusCode, rawHeaders) {
        status = statusCode;
        headers = util.parseHeaders(rawHeaders) as IncomingHttpHeaders;
        return true;
      },
      onData(chunk) {
        received += chunk.length;
        if (received > request.maxResponseBytes) {
          const limit = `${request.maxResponseBytes} bytes`;
          const error = new TransportError(
            "network",
            true,
            new Error(`the response was larger than ${limit}`),
          );
          fail(error);
          abortRequest?.(error);
          return false;
        }
        chunks.push(chunk);
        return true;
      },
      onComplete() {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status, headers, body: Buffer.concat(chunks) });
      },
      onError(error) {
        fail(new TransportError("network", requestSent, error));
      },
    };

    dispatcher.dispatch(
      {
        method: request.method,
        path: request.path,
        headers: request.headers,
        body: request.body ?? null,
      },
      handler,
    );
  });
}

function readErrorCode(cause: unknown): string | null {
  if (typeof cause !== "object" || cause === null) return null;
  const code = (cause as { code?: unknown }).code;
  return typeof code === "string" ? code : null;
}
