import { Pool } from "undici";
import type { z } from "zod";

import type { HeronRateLimit } from "../contract/heron-data.js";
import type { Logger } from "../logger.js";
import { HeronError } from "./heron-error.js";
import {
  interpretResponse,
  transportFailure,
  type HeronResult,
} from "./interpret-response.js";
import { RateLimitBudgets } from "./rate-limit-budgets.js";
import { createKeyRedactor } from "./redact-key.js";
import {
  EndUserListShape,
  EndUserResponseShape,
  ExecutionListShape,
  ExecutionStatusShape,
  HelloShape,
  StartResponseShape,
  WorkflowListShape,
} from "./response-shapes.js";
import { sendRequest, TransportError } from "./send-request.js";
import type {
  EndUserList,
  EndUserListQuery,
  EndUserResponse,
  Execution,
  ExecutionStatus,
  Hello,
  StartByNameBody,
  StartResponse,
  UserWorkflow,
} from "./types.js";

export type { HeronResult } from "./interpret-response.js";

export interface HeronClientOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  userAgent: string;
  logger: Logger;
}

/** Per-call data: the console request id, sent on as x-request-id. */
export interface CallContext {
  requestId: string;
  /** A shorter deadline for this call; the client's timeout is the maximum. */
  timeoutMs?: number;
}

/** The Heron operations the console may use, and nothing else. */
export interface HeronClient {
  listEndUsers(
    query: EndUserListQuery,
    context: CallContext,
  ): Promise<HeronResult<EndUserList>>;
  getEndUser(
    endUserIdOrHeronId: string,
    context: CallContext,
  ): Promise<HeronResult<EndUserResponse>>;
  listWorkflows(context: CallContext): Promise<HeronResult<UserWorkflow[]>>;
  /**
   * Sends one start request. Never retried, because a retry could start the
   * workflow twice.
   */
  startWorkflowByName(
    body: StartByNameBody,
    context: CallContext,
  ): Promise<HeronResult<StartResponse>>;
  getExecutionStatus(
    workflowExecutionHeronId: string,
    context: CallContext,
  ): Promise<HeronResult<ExecutionStatus>>;
  listExecutions(
    workflowHeronId: string,
    endUserHeronId: string,
    context: CallContext,
  ): Promise<HeronResult<Execution[]>>;
  checkAuthenticated(context: CallContext): Promise<HeronResult<Hello>>;
  /** Heron's last reported rate-limit window for each operation called. */
  rateLimits(): HeronRateLimit[];
  /** Closes the connections once the calls in flight have finished. */
  close(): Promise<void>;
  /** Closes the connections now, failing the calls in flight. */
  destroy(): Promise<void>;
}

const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
const REDACTED = "[redacted]";

interface CallSpec {
  operation: string;
  method: "GET" | "POST";
  path: string;
  query?: Record<string, string | number | null | undefined>;
  body?: unknown;
  shape: z.ZodType;
}

/**
 * Creates the client that alone stores the Heron API key and base URL. Calls
 * share a keep-alive connection pool, and each has one deadline covering
 * connecting, sending and reading the whole response.
 */
export function createHeronClient(options: HeronClientOptions): HeronClient {
  const { apiKey, timeoutMs, userAgent, logger } = options;
  const base = new URL(options.baseUrl);
  const pathPrefix = base.pathname.replace(/\/+$/, "");

  // undici's own timers are a backstop a second after the call's deadline,
  // so the deadline decides and reports whether the request was sent.
  const pool = new Pool(base.origin, {
    connections: 16,
    keepAliveTimeout: 10_000,
    connect: { timeout: timeoutMs + 1000 },
    headersTimeout: timeoutMs + 1000,
    bodyTimeout: timeoutMs + 1000,
  });

  // Heron might echo the key in an error page, and the response text must
  // not carry it into the database, the browser or the log.
  const removeKey = createKeyRedactor(apiKey, REDACTED);
  const budgets = new RateLimitBudgets();

  async function call<T>(
    spec: CallSpec,
    context: CallContext,
  ): Promise<HeronResult<T>> {
    const headers: Record<string, string> = {
      accept: "application/json",
      "user-agent": userAgent,
      "x-api-key": apiKey,
      "x-request-id": context.requestId,
    };
    let body: Buffer | undefined;
    if (spec.body !== undefined) {
      // Serialised once, so the bytes Heron receives are exactly these.
      body = Buffer.from(JSON.stringify(spec.body), "utf8");
      headers["content-type"] = "application/json";
      headers["content-length"] = String(body.byteLength);
    }

    const deadlineMs = Math.min(context.timeoutMs ?? timeoutMs, timeoutMs);
    const started = performance.now();
    const log = (status: number | null, error?: HeronError) => {
      const fields = {
        operation: spec.operation,
        status,
        ms: Math.round(performance.now() - started),
        requestId: context.requestId,
      };
      if (!error) {
        logger.info(fields, "heron call completed");
        return;
      }
      const { kind, requestSent } = error;
      logger.warn({ ...fields, kind, requestSent }, "heron call failed");
    };

    try {
      const response = await sendRequest(pool, {
        method: spec.method,
        path: pathPrefix + spec.path + queryString(spec.query),
        headers,
        ...(body ? { body } : {}),
        timeoutMs: deadlineMs,
        maxResponseBytes: MAX_RESPONSE_BYTES,
      });
      const text = removeKey(response.body.toString("utf8"));
      const result = interpretResponse<T>(
        spec.operation,
        response,
        text,
        spec.shape,
      );
      budgets.record(spec.operation, result.rateLimit, new Date());
      log(result.status);
      return result;
    } catch (error) {
      const heronError =
        error instanceof TransportError
          ? transportFailure(spec.operation, error, deadlineMs)
          : error;
      if (heronError instanceof HeronError) {
        budgets.record(spec.operation, heronError.rateLimit, new Date());
        log(heronError.status, heronError);
      }
      throw heronError;
    }
  }

  // Operations are async so that an invalid path segment rejects rather
  // than throws.
  return {
    listEndUsers: async (query, context) =>
      call(
        {
          operation: "list_end_users",
          method: "GET",
          path: "/api/end_users",
          query,
          shape: EndUserListShape,
        },
        context,
      ),
    getEndUser: async (endUserIdOrHeronId, context) =>
      call(
        {
          operation: "get_end_user",
          method: "GET",
          path: `/api/end_users/${pathSegment(endUserIdOrHeronId)}`,
          shape: EndUserResponseShape,
        },
        context,
      ),
    listWorkflows: async (context) =>
      call(
        {
          operation: "list_workflows",
          method: "GET",
          path: "/api/workflow/user/workflows",
          shape: WorkflowListShape,
        },
        context,
      ),
    startWorkflowByName: async (body, context) =>
      call(
        {
          operation: "start_by_name",
          method: "POST",
          path: "/api/workflow/start_by_name",
          body,
          shape: StartResponseShape,
        },
        context,
      ),
    getExecutionStatus: async (workflowExecutionHeronId, context) =>
      call(
        {
          operation: "get_execution_status",
          method: "GET",
          path:
            "/api/workflow/executions/status/" +
            pathSegment(workflowExecutionHeronId),
          shape: ExecutionStatusShape,
        },
        context,
      ),
    listExecutions: async (workflowHeronId, endUserHeronId, context) =>
      call(
        {
          operation: "list_executions",
          method: "GET",
          path:
            `/api/workflow/${pathSegment(workflowHeronId)}` +
            `/executions/end_user/${pathSegment(endUserHeronId)}`,
          shape: ExecutionListShape,
        },
        context,
      ),
    checkAuthenticated: async (context) =>
      call(
        {
          operation: "check_authenticated",
          method: "GET",
          path: "/api/hello_world/authenticated",
          shape: HelloShape,
        },
        context,
      ),
    rateLimits: () => budgets.list(),
    close: () => pool.close(),
    destroy: () => pool.destroy(),
  };
}

/**
 * Encodes one path segment. "." and ".." are escaped as well, because a
 * server that normalises dot segments would otherwise reach another route.
 */
function pathSegment(value: string): string {
  if (value === "") {
    throw new TypeError("A Heron path segment must not be empty.");
  }
  const encoded = encodeURIComponent(value);
  return /^\.+$/.test(encoded) ? encoded.replaceAll(".", "%2E") : encoded;
}

function queryString(query: CallSpec["query"]): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
