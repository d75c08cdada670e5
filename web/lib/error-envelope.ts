import {
  API_ERROR_CODES,
  type ApiErrorCode,
  type DuplicateRunSummary,
} from "../../server/contract/errors";
import { RUN_OUTCOMES } from "../../server/contract/runs";

export interface ErrorEnvelope {
  code: ApiErrorCode | "unexpected_response";
  message: string;
  fields: Record<string, string[]>;
  requestId: string | null;
  runId: string | null;
  retryAfterSeconds: number | null;
  duplicateOf: DuplicateRunSummary | null;
}

/**
 * Reads the contract's `{error: {...}}` body, or returns null if it is not
 * one. Fields of the wrong type are dropped, not trusted.
 */
export function readErrorEnvelope(body: unknown): ErrorEnvelope | null {
  if (!isRecord(body) || !isRecord(body.error)) return null;

  const error = body.error;

  if (typeof error.message !== "string" || error.message === "") return null;

  return {
    // An unknown code keeps the server's message, so a newer server still
    // shows staff what failed.
    code: isApiErrorCode(error.code) ? error.code : "unexpected_response",
    message: error.message,
    fields: readFields(error.fields),
    requestId: typeof error.requestId === "string" ? error.requestId : null,
    runId: typeof error.runId === "string" ? error.runId : null,
    retryAfterSeconds: readSeconds(error.retryAfterSeconds),
    duplicateOf: readDuplicateOf(error.duplicateOf),
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

function readSeconds(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) && value >= 0
    ? value
    : null;
}

function readDuplicateOf(value: unknown): DuplicateRunSummary | null {
  if (!isRecord(value)) return null;

  const { id, created_at, outcome } = value;
  const knownOutcome = RUN_OUTCOMES.find((o) => o === outcome);

  if (typeof id !== "string" || typeof created_at !== "string") return null;
  if (knownOutcome === undefined) return null;

  return { id, created_at, outcome: knownOutcome };
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
