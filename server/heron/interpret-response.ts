import type { z } from "zod";

import { HeronError, type HeronErrorEnvelope } from "./heron-error.js";
import { parseRateLimit, type RateLimit } from "./rate-limit.js";
import { TransportError, type IncomingResponse } from "./send-request.js";

/** Characters of a non-envelope body kept on an error, such as an HTML page. */
export const RESPONSE_TEXT_LIMIT = 4096;

export interface HeronResult<T> {
  status: number;
  body: T;
  rateLimit: RateLimit;
}

/**
 * Returns the checked body of a 2xx response. Throws HeronError "http" for any
 * other status and "bad_response" for a 2xx body that is not the expected
 * JSON. `text` is the body already decoded, with secrets removed.
 */
export function interpretResponse<T>(
  operation: string,
  response: IncomingResponse,
  text: string,
  shape: z.ZodType,
): HeronResult<T> {
  const rateLimit = parseRateLimit(response.headers);
  const { status } = response;
  const json = parseJson(text);

  if (status < 200 || status > 299) {
    const envelope = readEnvelope(json);
    const detail =
      typeof envelope?.description === "string"
        ? `: ${envelope.description}`
        : "";
    throw new HeronError(`Heron responded ${status} to ${operation}${detail}`, {
      kind: "http",
      operation,
      requestSent: true,
      status,
      ...(envelope
        ? { envelope }
        : { responseText: text.slice(0, RESPONSE_TEXT_LIMIT) }),
      rateLimit,
    });
  }

  const checked = json.ok ? shape.safeParse(json.value) : null;
  if (!checked?.success) {
    throw new HeronError(
      `Heron responded ${status} to ${operation} with a body that is not ` +
        "the expected JSON",
      {
        kind: "bad_response",
        operation,
        requestSent: true,
        status,
        responseText: text.slice(0, RESPONSE_TEXT_LIMIT),
        rateLimit,
        cause: checked?.error,
      },
    );
  }

  return { status, body: checked.data as T, rateLimit };
}

/** Converts a TransportError into a HeronError of kind timeout or network. */
export function transportFailure(
  operation: string,
  error: TransportError,
  timeoutMs: number,
): HeronError {
  const timedOut =
    error.reason === "timeout" ||
    error.code === "UND_ERR_HEADERS_TIMEOUT" ||
    error.code === "UND_ERR_BODY_TIMEOUT";

  if (timedOut) {
    return new HeronError(
      `Heron did not respond to ${operation} within ${timeoutMs} ms`,
      {
        kind: "timeout",
        operation,
        requestSent: error.requestSent,
        timeoutMs,
        cause: error,
      },
    );
  }

  const cause = error.cause instanceof Error ? error.cause.message : "unknown";
  const message = error.requestSent
    ? `The connection to Heron closed before it responded to ${operation}: ` +
      cause
    : `Could not connect to Heron for ${operation}: ${cause}`;
  return new HeronError(message, {
    kind: "network",
    operation,
    requestSent: error.requestSent,
    cause: error,
  });
}

type JsonParse = { ok: true; value: unknown } | { ok: false };

function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function readEnvelope(json: JsonParse): HeronErrorEnvelope | null {
  if (!json.ok || typeof json.value !== "object" || json.value === null) {
    return null;
  }
  const { code, description, name } = json.value as Record<string, unknown>;
  if (typeof code !== "number" || description === undefined) return null;
  return { code, description, name: typeof name === "string" ? name : "" };
}
