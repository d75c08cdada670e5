import type { z } from "zod";

import { ApiError } from "../errors.js";
import { scanJson, type UnsafeNumber } from "../runs/scan-json.js";
import {
  addFieldMessage,
  addIssues,
  type FieldMessages,
} from "./parse-input.js";

export interface JsonBodyOptions {
  /** The body's name in messages, such as "start request". */
  bodyName: string;
  /** The fields the body should contain, for the message on a non-object. */
  fieldList: string;
}

export interface ParsedJsonBody<T> {
  data: T;
  /** The object JSON.parse returned, before zod copied it. */
  value: Record<string, unknown>;
}

/**
 * Validates the raw text of a JSON request body with `schema`. Throws
 * ApiError 415 for a body not sent as JSON, and 400 for invalid JSON, invalid
 * fields or numbers JSON cannot carry exactly.
 */
export function parseJsonBody<T extends z.ZodType>(
  body: unknown,
  schema: T,
  { bodyName, fieldList }: JsonBodyOptions,
): ParsedJsonBody<z.output<T>> {
  if (typeof body !== "string") {
    throw new ApiError(
      415,
      "validation_failed",
      `The ${bodyName} must be sent as JSON with Content-Type: ` +
        "application/json.",
    );
  }

  const scan = scanJson(body);
  if (!scan.ok) {
    const { reason, line, column, position } = scan.error;
    throw new ApiError(
      400,
      "validation_failed",
      `The request body is not valid JSON: found ${reason} at line ${line}, ` +
        `column ${column} (position ${position}). Correct it and send it ` +
        "again.",
    );
  }

  const value: unknown = JSON.parse(body);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ApiError(
      400,
      "validation_failed",
      `The request body must be a JSON object with ${fieldList}.`,
    );
  }

  const parsed = schema.safeParse(value);
  const fields: FieldMessages = {};
  if (!parsed.success) {
    addIssues(
      fields,
      parsed.error.issues,
      (key) => `"${key}" is not a field of a ${bodyName}. Remove it.`,
    );
  }
  for (const unsafe of scan.unsafeNumbers) addUnsafeNumber(unsafe, fields);
  for (const path of brokenTextPaths(value, [])) {
    addFieldMessage(
      fields,
      path.join(".") || "request",
      "This text has a \\u escape of half a character (a lone UTF-16 " +
        "surrogate, such as \\ud800), which is not valid text. Remove the " +
        "escape or retype the text.",
    );
  }

  if (!parsed.success || Object.keys(fields).length > 0) {
    const names = Object.keys(fields).join(", ");
    throw new ApiError(
      400,
      "validation_failed",
      `The ${bodyName} has invalid fields: ${names}. Correct them and ` +
        "send it again.",
      { fields },
    );
  }
  return { data: parsed.data, value: value as Record<string, unknown> };
}

// A high surrogate without a low one after it, or a low one without a high
// one before it. JSON's \u escapes can write either alone.
const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Lists the paths of keys and strings in `value` that are not valid text. */
function brokenTextPaths(value: unknown, path: string[]): string[][] {
  if (typeof value === "string") {
    return LONE_SURROGATE.test(value) ? [path] : [];
  }
  if (typeof value !== "object" || value === null) return [];

  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  return entries.flatMap(([key, item]) =>
    LONE_SURROGATE.test(key)
      ? [[...path, key]]
      : brokenTextPaths(item, [...path, key]),
  );
}

// Long literals are cut in messages so one huge number cannot flood them.
const LITERAL_DISPLAY_LIMIT = 40;

function addUnsafeNumber(unsafe: UnsafeNumber, fields: FieldMessages): void {
  const displayed =
    unsafe.literal.length > LITERAL_DISPLAY_LIMIT
      ? `${unsafe.literal.slice(0, LITERAL_DISPLAY_LIMIT)}…`
      : unsafe.literal;
  const arrives = JSON.stringify(Number(unsafe.literal));
  addFieldMessage(
    fields,
    unsafe.path.join(".") || "request",
    `The number ${displayed} is too large for a JSON number, so it would ` +
      `arrive as ${arrives}. Send it as a string, such as "${displayed}".`,
  );
}

/** Throws ApiError 413 when the parameters JSON is over `limit` bytes. */
export function checkParametersSize(
  parametersJson: string,
  limit: number,
): void {
  const bytes = Buffer.byteLength(parametersJson, "utf8");
  if (bytes <= limit) return;
  throw parametersTooLarge(
    `The parameters are ${formatKb(bytes)} of JSON, more than the ` +
      `${formatKb(limit)} limit.`,
  );
}

/**
 * Returns the ApiError 413 for a request body too large to read, worded as
 * the parameters check words it, because only the parameters can make a
 * body that large.
 */
export function bodyTooLargeForParameters(
  bodyBytes: number,
  limit: number,
): ApiError {
  return parametersTooLarge(
    `The request is ${formatKb(bodyBytes)}, too large for parameters ` +
      `within the ${formatKb(limit)} limit.`,
  );
}

function parametersTooLarge(problem: string): ApiError {
  const message =
    `${problem} Make them smaller, or ask an administrator to raise ` +
    "MAX_PARAMETERS_BYTES.";
  return new ApiError(413, "payload_too_large", message, {
    fields: { workflow_parameters: [message] },
  });
}

function formatKb(bytes: number): string {
  return `${Number((bytes / 1024).toFixed(1))} KB`;
}
