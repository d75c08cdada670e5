import { afterEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { BACKGROUND_REFRESH_HEADER } from "../../server/contract/auth";
import { apiRequest } from "./api-client";
import { parseRetryAfter } from "./parse-retry-after";
import { ApiError } from "./api-error";
import { setCsrfToken } from "./csrf-token";
import {
  recordSignedIn,
  reportSessionProblem,
  subscribeToSessionProblems,
  type SessionProblem,
} from "./session-problems";
import { ACTIVE_WINDOW_MS } from "./user-activity";

function stubFetch(response: Response | Error | DOMException) {
  const fetchMock = vi.fn((_url: string, _init?: RequestInit) =>
    response instanceof Response
      ? Promise.resolve(response)
      : Promise.reject(response),
  );
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

function jsonResponse(status: number, body: unknown, headers = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected the request to fail");
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  recordSignedIn();
});

describe("apiRequest", () => {
  it("returns undefined on 204", async () => {
    stubFetch(new Response(null, { status: 204 }));
    await expect(
      apiRequest("/api/presets/p1", { method: "DELETE" }),
    ).resolves.toBeUndefined();
  });

  it("returns the parsed body on 2xx", async () => {
    stubFetch(jsonResponse(200, { status: "ok" }));
    await expect(apiRequest("/api/health")).resolves.toEqual({ status: "ok" });
  });

  it("adds query parameters and skips undefined ones", async () => {
    const fetchMock = stubFetch(jsonResponse(200, {}));
    await apiRequest("/api/runs", { query: { page: 2, page_size: undefined } });
    expect(fetchMock.mock.calls[0]?.[0]).toBe("/api/runs?page=2");
  });

  it("sends a JSON body on POST", async () => {
    const fetchMock = stubFetch(jsonResponse(201, { id: "run_1" }));
    await apiRequest("/api/runs", { method: "POST", body: { a: 1 } });
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.method).toBe("POST");
    expect(init?.body).toBe('{"a":1}');
  });

  it("sends extra headers", async () => {
    const fetchMock = stubFetch(jsonResponse(201, {}));
    await apiRequest("/api/runs", {
      method: "POST",
      body: {},
      headers: { "Idempotency-Key": "key-1" },
    });
    const headers = fetchMock.mock.calls[0]?.[1]?.headers;
    expect(headers).toMatchObject({
      "Idempotency-Key": "key-1",
      "Content-Type": "application/json",
    });
  });

  it("reads duplicateOf on duplicate_run", async () => {
    const duplicateOf = {
      id: "run_7",
      created_at: "2026-12-04T15:00:00.000Z",
      outcome: "started",
    };
    stubFetch(
      jsonResponse(409, {
        error: {
          code: "duplicate_run",
          message: "This ran 4 minutes ago.",
          requestId: "r",
          duplicateOf,
        },
      }),
    );
    const error = await caught(apiRequest("/api/runs", { method: "POST" }));
    expect(error.code).toBe("duplicate_run");
    expect(error.duplicateOf).toEqual(duplicateOf);
  });

  it("drops a malformed duplicateOf", async () => {
    stubFetch(
      jsonResponse(409, {
        error: {
          code: "duplicate_run",
          message: "This ran 4 minutes ago.",
          requestId: "r",
          duplicateOf: { id: "run_7", created_at: 5, outcome: "done" },
        },
      }),
    );
    const error = await caught(apiRequest("/api/runs", { method: "POST" }));
    expect(error.duplicateOf).toBeNull();
  });

  it("maps the contract's error body", async () => {
    stubFetch(
      jsonResponse(422, {
        error: {
          code: "heron_rejected",
          message: "Heron rejected the parameters.",
          fields: { "workflow_parameters.email": ["Not a valid email."] },
          requestId: "req_1",
          runId: "run_9",
        },
      }),
    );
    const error = await caught(apiRequest("/api/runs", { method: "POST" }));
    expect(error.status).toBe(422);
    expect(error.code).toBe("heron_rejected");
    expect(error.message).toBe("Heron rejected the parameters.");
    expect(error.fields).toEqual({
      "workflow_parameters.email": ["Not a valid email."],
    });
    expect(error.requestId).toBe("req_1");
    expect(error.runId).toBe("run_9");
    expect(error.retryAfterSeconds).toBeNull();
  });

  it("reads retryAfterSeconds on 429", async () => {
    stubFetch(
      jsonResponse(429, {
        error: {
          code: "heron_rate_limited",
          message: "Heron is limiting requests.",
          requestId: "req_2",
          retryAfterSeconds: 42,
        },
      }),
    );
    const error = await caught(apiRequest("/api/runs"));
    expect(error.code).toBe("heron_rate_limited");
    expect(error.retryAfterSeconds).toBe(42);
  });

  it("falls back to the Retry-After header", async () => {
    stubFetch(
      jsonResponse(
        429,
        {
          error: {
            code: "heron_rate_limited",
            message: "Slow down.",
            requestId: "r",
          },
        },
        { "Retry-After": "7" },
      ),
    );
    const error = await caught(apiRequest("/api/runs"));
    expect(error.retryAfterSeconds).toBe(7);
  });

  it("keeps only string messages in fields", async () => {
    stubFetch(
      jsonResponse(400, {
        error: {
          code: "validation_failed",
          message: "Invalid request.",
          requestId: "r",
          fields: { a: ["ok", 3], b: "not a list", c: [] },
        },
      }),
    );
    const error = await caught(apiRequest("/api/runs"));
    expect(error.fields).toEqual({ a: ["ok"] });
  });

  it("maps a non-JSON error page", async () => {
    stubFetch(
      new Response("<html><body>Bad Gateway</body></html>", {
        status: 502,
        statusText: "Bad Gateway",
        headers: { "Content-Type": "text/html", "X-Request-Id": "req_h" },
      }),
    );
    const error = await caught(apiRequest("/api/workflows"));
    expect(error.status).toBe(502);
    expect(error.code).toBe("unexpected_response");
    expect(error.message).toContain("HTTP 502 Bad Gateway");
    expect(error.message).toContain("GET /api/workflows");
    expect(error.requestId).toBe("req_h");
  });

  it("maps a JSON error without the envelope", async () => {
    stubFetch(jsonResponse(500, { oops: true }));
    const error = await caught(apiRequest("/api/workflows"));
    expect(error.code).toBe("unexpected_response");
    expect(error.status).toBe(500);
  });

  it("keeps the message of an unknown error code", async () => {
    stubFetch(
      jsonResponse(500, {
        error: { code: "brand_new", message: "Something new.", requestId: "r" },
      }),
    );
    const error = await caught(apiRequest("/api/workflows"));
    expect(error.code).toBe("unexpected_response");
    expect(error.message).toBe("Something new.");
  });

  it("maps a 2xx body that is not JSON", async () => {
    stubFetch(new Response("<html></html>", { status: 200 }));
    const error = await caught(apiRequest("/api/health"));
    expect(error.status).toBe(200);
    expect(error.code).toBe("unexpected_response");
  });

  it("maps a network failure", async () => {
    stubFetch(new TypeError("Failed to fetch"));
    const error = await caught(apiRequest("/api/health"));
    expect(error.status).toBeNull();
    expect(error.code).toBe("network_error");
    expect(error.message).toContain("Could not reach the console server");
    expect(error.message).toContain("Failed to fetch");
  });

  it("rethrows an abort unchanged", async () => {
    const controller = new AbortController();
    controller.abort();
    const abort = new DOMException("Aborted", "AbortError");
    stubFetch(abort);
    await expect(
      apiRequest("/api/health", { signal: controller.signal }),
    ).rejects.toBe(abort);
  });
});

describe("parseRetryAfter", () => {
  it("reads delta seconds", () => {
    expect(parseRetryAfter("120")).toBe(120);
  });

  it("reads an HTTP date", () => {
    const now = Date.parse("2026-12-04T15:00:00Z");
    expect(parseRetryAfter("Fri, 04 Dec 2026 15:00:30 GMT", now)).toBe(30);
  });

  it("returns null for missing or invalid values", () => {
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter("soon")).toBeNull();
  });
});

describe("apiRequest and the session", () => {
  function headersOf(fetchMock: ReturnType<typeof stubFetch>) {
    return fetchMock.mock.calls[0]?.[1]?.headers as Record<string, string>;
  }

  function collectProblems(): SessionProblem[] {
    const problems: SessionProblem[] = [];
    const unsubscribe = subscribeToSessionProblems((problem) =>
      problems.push(problem),
    );
    onTestFinished(unsubscribe);
    return problems;
  }

  it("sends the CSRF token on POST", async () => {
    setCsrfToken("token-1");
    const fetchMock = stubFetch(jsonResponse(201, {}));
    await apiRequest("/api/runs", { method: "POST", body: {} });
    expect(headersOf(fetchMock)["x-csrf-token"]).toBe("token-1");
  });

  it("leaves the CSRF token off GET", async () => {
    setCsrfToken("token-1");
    const fetchMock = stubFetch(jsonResponse(200, {}));
    await apiRequest("/api/runs");
    expect(headersOf(fetchMock)).not.toHaveProperty("x-csrf-token");
  });

  it("marks a GET while the page is idle", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    vi.setSystemTime(Date.now() + ACTIVE_WINDOW_MS + 1_000);
    const fetchMock = stubFetch(jsonResponse(200, {}));

    await apiRequest("/api/runs");

    expect(headersOf(fetchMock)[BACKGROUND_REFRESH_HEADER]).toBe("1");
  });

  it("leaves a GET after a key press unmarked", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    vi.setSystemTime(Date.now() + ACTIVE_WINDOW_MS + 1_000);
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "a" }));
    const fetchMock = stubFetch(jsonResponse(200, {}));

    await apiRequest("/api/runs");

    expect(headersOf(fetchMock)).not.toHaveProperty(BACKGROUND_REFRESH_HEADER);
  });

  it("leaves a POST on an idle page unmarked", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    vi.setSystemTime(Date.now() + ACTIVE_WINDOW_MS + 1_000);
    const fetchMock = stubFetch(jsonResponse(201, {}));

    await apiRequest("/api/runs", { method: "POST", body: {} });

    expect(headersOf(fetchMock)).not.toHaveProperty(BACKGROUND_REFRESH_HEADER);
  });

  it("sends no read after the session ended", async () => {
    reportSessionProblem("signed_out");
    const fetchMock = stubFetch(jsonResponse(200, {}));

    const error = await caught(apiRequest("/api/heron/rate-limits"));

    expect(fetchMock).not.toHaveBeenCalled();
    expect(error.code).toBe("signed_out");
    expect(error.message).toBe(
      "Not loaded, because your session has ended. Sign in again to go on.",
    );
  });

  it("still reads the session after it ended", async () => {
    reportSessionProblem("signed_out");
    const fetchMock = stubFetch(jsonResponse(200, { signed_in: false }));

    await apiRequest("/api/auth/session");

    expect(fetchMock).toHaveBeenCalledOnce();
  });

  it("still reads health after the session ended", async () => {
    reportSessionProblem("signed_out");
    const fetchMock = stubFetch(jsonResponse(200, { status: "ok" }));

    await apiRequest("/api/health");

    expect(fetchMock).toHaveBeenCalledOnce();
  });

  it("sends reads again once signed in", async () => {
    reportSessionProblem("signed_out");
    recordSignedIn();
    const fetchMock = stubFetch(jsonResponse(200, {}));

    await apiRequest("/api/runs");

    expect(fetchMock).toHaveBeenCalledOnce();
  });

  it("reports signed_out to listeners", async () => {
    const problems = collectProblems();
    stubFetch(
      jsonResponse(401, {
        error: { code: "signed_out", message: "Sign in to use the console." },
      }),
    );
    const error = await caught(apiRequest("/api/runs"));
    expect(error.code).toBe("signed_out");
    expect(problems).toEqual(["signed_out"]);
  });

  it("reports csrf_failed and says to try again", async () => {
    const problems = collectProblems();
    stubFetch(
      jsonResponse(403, {
        error: { code: "csrf_failed", message: "Reload the page." },
      }),
    );
    const error = await caught(
      apiRequest("/api/presets", { method: "POST", body: {} }),
    );
    expect(error.code).toBe("csrf_failed");
    expect(error.message).toContain("try again");
    expect(problems).toEqual(["csrf_failed"]);
  });

  it("reports forbidden and keeps its message", async () => {
    const problems = collectProblems();
    stubFetch(
      jsonResponse(403, {
        error: { code: "forbidden", message: "Needs the operator role." },
      }),
    );
    const error = await caught(apiRequest("/api/runs", { method: "POST" }));
    expect(error.message).toBe("Needs the operator role.");
    expect(problems).toEqual(["forbidden"]);
  });

  it("reports nothing for other errors", async () => {
    const problems = collectProblems();
    stubFetch(
      jsonResponse(404, {
        error: { code: "not_found", message: "No run has id run_1." },
      }),
    );
    await caught(apiRequest("/api/runs/run_1"));
    expect(problems).toEqual([]);
  });
});
