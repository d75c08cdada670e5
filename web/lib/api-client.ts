import { BACKGROUND_REFRESH_HEADER } from "../../server/contract/auth";
import { ApiError } from "./api-error";
import { getCsrfToken } from "./csrf-token";
import { readErrorEnvelope } from "./error-envelope";
import { parseRetryAfter } from "./parse-retry-after";
import { isSessionEnded, reportSessionProblem } from "./session-problems";
import { isPageIdle } from "./user-activity";

export interface ApiRequestOptions {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * Calls the console API on the page's own origin and returns the parsed JSON,
 * or undefined for a 204 No Content response.
 * Throws ApiError on every failure: a non-2xx status, a body that is not
 * JSON, or no response at all. An aborted request rethrows the AbortError
 * so TanStack Query can tell cancellation from failure.
 * Sends the session's CSRF token with every method other than GET, and
 * reports an ended session or a rejected token to the session's listeners.
 * A GET sent after a minute without input is marked as a background refresh,
 * so polling alone does not keep the session open past its idle timeout.
 */
export async function apiRequest<T>(
  path: string,
  options: ApiRequestOptions = {},
): Promise<T> {
  const method = options.method ?? "GET";
  const url = withQuery(path, options.query);
  const target = `${method} ${url}`;

  // A poll after the session ended would only collect another 401.
  if (method === "GET" && isSessionEnded() && !isPublicPath(path)) {
    throw new ApiError({
      status: null,
      code: "signed_out",
      message:
        "Not loaded, because your session has ended. Sign in again to go on.",
    });
  }

  const response = await send(url, method, options, target);
  const body = await readJson(response);

  if (!response.ok) {
    const error = toApiError(response, body, target);
    if (error.code === "signed_out") reportSessionProblem("signed_out");
    // The page hides what a role may not do, so this role is out of date.
    if (error.code === "forbidden") reportSessionProblem("forbidden");
    if (error.code !== "csrf_failed") throw error;

    reportSessionProblem("csrf_failed");
    throw withCsrfAdvice(error);
  }

  if (response.status === 204) return undefined as T;

  if (body === NOT_JSON) {
    throw new ApiError({
      status: response.status,
      code: "unexpected_response",
      message: `The console server returned a body that is not JSON for ${target}. Reload the page and try again. If it keeps happening, report it to the console's maintainers.`,
      requestId: response.headers.get("x-request-id"),
    });
  }

  return body as T;
}

const NOT_JSON = Symbol("not JSON");

/** Returns true for routes that respond without a session, such as the session's own. */
function isPublicPath(path: string): boolean {
  return path === "/api/health" || path.startsWith("/api/auth/");
}

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
  const csrfToken = method === "GET" ? null : getCsrfToken();
  const background = method === "GET" && isPageIdle();

  try {
    return await fetch(url, {
      method,
      headers: {
        Accept: "application/json",
        ...(hasBody ? { "Content-Type": "application/json" } : {}),
        ...(csrfToken === null ? {} : { "x-csrf-token": csrfToken }),
        ...(background ? { [BACKGROUND_REFRESH_HEADER]: "1" } : {}),
        ...options.headers,
      },
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
      message: `The console server returned HTTP ${statusText} with no error details for ${target}. Try again in a minute. If it keeps failing, report it to the console's maintainers.`,
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
    duplicateOf: error.duplicateOf,
  });
}

/**
 * Replaces the server's advice to reload the page: the session listener
 * reads a fresh token at once, so trying again is enough and keeps what
 * staff typed. Nothing is retried on its own, so nothing is sent twice.
 */
function withCsrfAdvice(error: ApiError): ApiError {
  return new ApiError({
    status: error.status,
    code: error.code,
    message:
      "The console rejected the request because the page's security " +
      "token was out of date (csrf_failed). The page has fetched a new " +
      "token: try again.",
    requestId: error.requestId,
  });
}
