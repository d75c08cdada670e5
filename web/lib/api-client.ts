import {
  API_ERROR_CODES,
  type ApiErrorCode,
} from "../../server/contract/errors";
import { ApiError } from "./api-error";

export interface ApiRequestOptions {
  method?: "GET" | "POST";
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * Calls the console API on the page's own origin and returns the parsed JSON.
 * Throws ApiError on every failure: a non-2xx status, a body that is not
 * JSON, or no response at all. An aborted request rethrows the AbortError
 * so TanStack Query can tell cancellation from failure.
 */
export async function apiRequest<T>(
  path: string,
  options: ApiRequestOptions = {},
): Promise<T> {
  const method = options.method ?? "GET";
  const url = withQuery(path, options.query);
  const target = `${method} ${url}`;

  const response = await send(url, method, options, target);
  const body = await readJson(response);

  if (!response.ok) {
    throw toApiError(response, body, target);
  }

  if (body === NOT_JSON) {
    throw new ApiError({
      status: response.status,
      code: "unexpected_response",
      message: `The console server answered ${target} with a body that is not JSON. Reload the page and try again; if it keeps happening, report it to the console's maintainers.`,
      requestId: response.headers.get("x-request-id"),
    });
  }

  return body as T;
}

const NOT_JSON = Symbol("not JSON");

function withQuery(
  path: string,
  query: ApiRequestOptions["query"] | undefined,
): string {
  const params = new URLSearchParams();

  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(key, String(value));
  }

  const search = params.toString();
  return search === "" ? path : `${path}?${search}`;
}

async function send(
  url: string,
  method: string,
  options: ApiRequestOptions,
  target: string,
): Promise<Response> {
  const hasBody = options.body !== undefined;

  try {
    return await fetch(url, {
      method,
      headers: hasBody
        ? { Accept: "application/json", "Content-Type": "application/json" }
        : { Accept: "application/json" },
      body: hasBody ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;

    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiError({
      status: null,
      code: "network_error",
      message: `Could not reach the console server for ${target} (${reason}). Check that the server is running and your network connection works, then try again.`,
    });
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();

  if (text === "") return NOT_JSON;

  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

function toApiError(
  response: Response,
  body: unknown,
  target: string,
): ApiError {
  const headerRequestId = response.headers.get("x-request-id");
  const headerRetryAfter = parseRetryAfter(response.headers.get("retry-after"));
  const error = readErrorEnvelope(body);

  if (error === null) {
    const statusText = `${response.status} ${response.statusText}`.trim();
    return new ApiError({
      status: response.status,
      code: "unexpected_response",
      message: `The console server answered ${target} with HTTP ${statusText} and no error details. Try again in a minute; if it keeps failing, report it to the console's maintainers.`,
      requestId: headerRequestId,
      retryAfterSeconds: headerRetryAfter,
    });
  }

  return new ApiError({
    status: response.status,
    code: error.code,
    message: error.message,
    fields: error.fields,
    requestId: error.requestId ?? headerRequestId,
    runId: error.runId,
    retryAfterSeconds: error.retryAfterSeconds ?? headerRetryAfter,
  });
}

interface ErrorEnvelope {
  code: ApiErrorCode | "unexpected_response";
  message: string;
  fields: Record<string, string[]>;
  requestId: string | null;
  runId: string | null;
  retryAfterSeconds: number | null;
}

/** Reads the contract's `{error: {...}}` body, or returns null if it is not one. */
function readErrorEnvelope(body: unknown): ErrorEnvelope | null {
  if (!isRecord(body) || !isRecord(body.error)) return null;

  const { code, message, fields, requestId, runId, retryAfterSeconds } =
    body.error;

  if (typeof message !== "string" || message === "") return null;

  return {
    code: isApiErrorCode(code) ? code : "unexpected_response",
    message,
    fields: readFields(fields),
    requestId: typeof requestId === "string" ? requestId : null,
    runId: typeof runId === "string" ? runId : null,
    retryAfterSeconds:
      typeof retryAfterSeconds === "number" && retryAfterSeconds >= 0
        ? retryAfterSeconds
        : null,
  };
}

function readFields(value: unknown): Record<string, string[]> {
  const fields: Record<string, string[]> = {};

  if (!isRecord(value)) return fields;

  for (const [path, messages] of Object.entries(value)) {
    if (!Array.isArray(messages)) continue;

    const texts = messages.filter((m): m is string => typeof m === "string");
    if (texts.length > 0) fields[path] = texts;
  }

  return fields;
}

/** Reads Retry-After in either of its forms: delta seconds or an HTTP date. */
export function parseRetryAfter(
  header: string | null,
  now: number = Date.now(),
): number | null {
  if (header === null || header.trim() === "") return null;

  const trimmed = header.trim();

  if (/^\d+$/.test(trimmed)) return Number(trimmed);

  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;

  return Math.max(0, Math.ceil((date - now) / 1000));
}

function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return (
    typeof value === "string" &&
    (API_ERROR_CODES as readonly string[]).includes(value)
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
