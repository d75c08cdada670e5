import type { ErrorRequestHandler } from "express";

import type {
  ApiErrorBody,
  ApiErrorCode,
  DuplicateRunSummary,
} from "./contract/errors.js";
import { HeronError } from "./heron/heron-error.js";
import { describeHeronError } from "./heron/describe-error.js";
import { requestIdOf } from "./http/request-id.js";

export interface ApiErrorOptions {
  fields?: Record<string, string[]>;
  runId?: string;
  retryAfterSeconds?: number;
  duplicateOf?: DuplicateRunSummary;
  cause?: unknown;
}

/** An error meant for the API's caller, with its HTTP status and code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly fields: Record<string, string[]> | undefined;
  readonly runId: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly duplicateOf: DuplicateRunSummary | undefined;

  constructor(
    status: number,
    code: ApiErrorCode,
    message: string,
    options: ApiErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = options.fields;
    this.runId = options.runId;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.duplicateOf = options.duplicateOf;
  }
}

// body-parser marks its errors with a `type` and an HTTP `status`.
interface BodyParserError extends Error {
  type: string;
  status: number;
  limit?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    error instanceof Error &&
    typeof (error as Partial<BodyParserError>).type === "string" &&
    typeof (error as Partial<BodyParserError>).status === "number"
  );
}

function fromBodyParser(error: BodyParserError): ApiError {
  if (error.type === "entity.too.large") {
    const limitKb = Math.floor((error.limit ?? 0) / 1024);
    return new ApiError(
      413,
      "payload_too_large",
      `The request body is larger than the ${limitKb} KB limit. Shorten ` +
        "the parameters and send it again.",
    );
  }
  if (error.type === "entity.parse.failed") {
    const position = /position (\d+)/.exec(error.message)?.[1];
    const where = position ? ` at position ${position}` : "";
    return new ApiError(
      400,
      "validation_failed",
      `The request body is not valid JSON${where}. Correct it and send it ` +
        "again.",
    );
  }
  return new ApiError(
    error.status >= 400 && error.status < 500 ? error.status : 400,
    "validation_failed",
    `The request body could not be read (${error.message}). Send it as ` +
      "UTF-8 JSON with Content-Type: application/json.",
  );
}

function toApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof HeronError) {
    const description = describeHeronError(error);
    return new ApiError(
      description.status,
      description.code,
      description.message,
      { ...description, cause: error },
    );
  }
  if (isBodyParserError(error)) return fromBodyParser(error);
  if (error instanceof URIError) {
    // The router could not percent-decode a path value such as "%ZZ".
    return new ApiError(
      400,
      "validation_failed",
      "The address contains invalid percent-encoding. Check the link or " +
        "the id in it, and try again.",
    );
  }
  if (isClientHttpError(error)) {
    // For example a body sent with Content-Encoding: gzip that is not gzip.
    return new ApiError(
      error.status,
      "validation_failed",
      `The request could not be read (${error.message}). Send it as plain ` +
        "or correctly compressed UTF-8 JSON.",
    );
  }
  return null;
}

// http-errors marks the errors whose message is safe to show with `expose`.
function isClientHttpError(
  error: unknown,
): error is Error & { status: number } {
  if (!(error instanceof Error)) return false;
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  return (
    expose === true &&
    typeof status === "number" &&
    status >= 400 &&
    status < 500
  );
}

function isFromHeron(error: ApiError): boolean {
  return error.cause instanceof HeronError;
}

/**
 * Writes every error as an ApiErrorBody, so it must be the last middleware.
 * Errors it does not recognise become a 500 with a generic message, and
 * their details go only to the log.
 */
export const errorHandler: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }

  let apiError = toApiError(error);
  if (apiError && apiError.status >= 500 && !isFromHeron(apiError)) {
    // The Heron client logs Heron failures already, so only others go here.
    req.log.error({ err: apiError }, "request failed");
  }
  if (!apiError) {
    req.log.error({ err: error }, "request failed with an unexpected error");
    apiError = new ApiError(
      500,
      "internal",
      "The console failed while handling this request. Try again. If it " +
        "fails again, give an administrator the request id.",
    );
  }

  const { status, code, message, fields, runId, retryAfterSeconds } = apiError;
  const { duplicateOf } = apiError;
  const body: ApiErrorBody = {
    error: {
      code,
      message,
      ...(fields ? { fields } : {}),
      requestId: requestIdOf(req),
      ...(runId ? { runId } : {}),
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
      ...(duplicateOf ? { duplicateOf } : {}),
    },
  };
  if (retryAfterSeconds !== undefined) {
    res.setHeader("retry-after", String(retryAfterSeconds));
  }
  res.status(status).json(body);
};
