import type {
  FaultSpec,
  RecordedRequestJson,
  SandboxOperation,
} from "../server/sandbox/index";
import {
  E2E_SANDBOX_RATE_LIMIT,
  E2E_SANDBOX_URL,
  SENTINEL_API_KEY,
} from "./environment";

// The sandbox runs in another process, so specs steer it over its control
// routes under /__sandbox/. The types come from the sandbox itself, so a
// change there breaks the type check here rather than a spec at run time.

export type Fault = FaultSpec;
export type SandboxRequest = RecordedRequestJson;

/** One item of Heron's execution list, as far as the specs read it. */
export interface SandboxExecution {
  heron_id: string;
  status: string;
  created: string;
}

export interface SandboxClient {
  /** Replaces any fault on the same operation. */
  setFault(fault: Fault): Promise<void>;
  /** Requests the sandbox received since the last reset, oldest first. */
  requests(operation?: SandboxOperation): Promise<SandboxRequest[]>;
  /** Clears the recorded requests and nothing else. */
  clearRequests(): Promise<void>;
  /** Clears faults, recorded requests, rate-limit windows and executions. */
  reset(): Promise<void>;
  /**
   * Lists the executions of a workflow for an end user through Heron's own
   * route, as the console's check does. The call is recorded as
   * list_executions.
   */
  executions(
    workflowHeronId: string,
    endUserHeronId: string,
  ): Promise<SandboxExecution[]>;
  /**
   * Uses up the start_by_name rate-limit window, so the next start gets a
   * real 429 with Heron's x-ratelimit-* headers. Then clears the record, so
   * a spec counts only its own starts. The window stays used up until
   * reset() or until it ends.
   */
  exhaustStartRateLimit(): Promise<void>;
}

// How many requests go out at once while using up the window. Batches are
// quick and avoid opening a socket for every request in the window.
const EXHAUST_BATCH_SIZE = 50;

async function control(
  method: string,
  route: string,
  body?: unknown,
): Promise<Response> {
  const response = await fetch(`${E2E_SANDBOX_URL}/__sandbox/${route}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const detail = await response.text();
    throw new Error(
      `The sandbox control route ${method} /__sandbox/${route} failed ` +
        `with ${response.status}: ${detail}`,
    );
  }
  return response;
}

/**
 * Sends a start without a body. The sandbox counts it against the window
 * and then rejects it with 422, so no execution is created.
 */
async function sendEmptyStart(): Promise<Response> {
  const response = await fetch(
    `${E2E_SANDBOX_URL}/api/workflow/start_by_name`,
    { method: "POST", headers: { "x-api-key": SENTINEL_API_KEY } },
  );
  await response.arrayBuffer();
  return response;
}

async function exhaustStartRateLimit(): Promise<void> {
  const { limit } = E2E_SANDBOX_RATE_LIMIT;
  const responses: Response[] = [];

  for (let sent = 0; sent < limit; sent += EXHAUST_BATCH_SIZE) {
    const size = Math.min(EXHAUST_BATCH_SIZE, limit - sent);
    const batch = Array.from({ length: size }, () => sendEmptyStart());
    responses.push(...(await Promise.all(batch)));
  }

  const statuses = new Set(responses.map((response) => response.status));
  const usedUp = responses.some(
    (response) => response.headers.get("x-ratelimit-remaining") === "0",
  );
  if (statuses.has(429) || !usedUp) {
    const remaining = usedUp ? "" : ", and none reported 0 remaining";
    throw new Error(
      `Using up the sandbox's start window failed: its ${limit} requests ` +
        `got statuses ${[...statuses].join(", ")}${remaining}. Another ` +
        "start may have shared the window, so check that the sandbox was " +
        "reset before the spec.",
    );
  }
  await control("DELETE", "requests");
}

export const sandboxClient: SandboxClient = {
  async setFault(fault) {
    await control("POST", "faults", fault);
  },
  async requests(operation) {
    const query =
      operation === undefined
        ? ""
        : `?${new URLSearchParams({ operation }).toString()}`;
    const response = await control("GET", `requests${query}`);
    return (await response.json()) as SandboxRequest[];
  },
  async clearRequests() {
    await control("DELETE", "requests");
  },
  async reset() {
    await control("POST", "reset");
  },
  async executions(workflowHeronId, endUserHeronId) {
    const route =
      `/api/workflow/${encodeURIComponent(workflowHeronId)}` +
      `/executions/end_user/${encodeURIComponent(endUserHeronId)}`;
    const response = await fetch(`${E2E_SANDBOX_URL}${route}`, {
      headers: { "x-api-key": SENTINEL_API_KEY },
    });
    if (!response.ok) {
      throw new Error(
        `Listing the sandbox's executions at ${route} failed with ` +
          `${response.status}: ${await response.text()}`,
      );
    }
    return (await response.json()) as SandboxExecution[];
  },
  exhaustStartRateLimit,
};
