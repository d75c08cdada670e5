import {
  StartRunRequestSchema,
  type StartRunRequest,
} from "../contract/runs.js";
import { ApiError } from "../errors.js";
import {
  addFieldMessage,
  addIssues,
  type FieldMessages,
} from "../http/parse-input.js";
import { scanJson, type UnsafeNumber } from "./scan-json.js";

export interface ParsedStartRequest {
  request: StartRunRequest;
  /** workflow_parameters serialised once; these bytes go to Heron. */
  parametersJson: string;
}

/**
 * Validates the raw text of a start request. Throws ApiError 400 for invalid
 * JSON, invalid fields or numbers JSON cannot carry exactly, and 413 when the
 * parameters exceed `maxParametersBytes`.
 */
export function parseStartRequest(
  body: unknown,
  maxParametersBytes: number,
): ParsedStartRequest {
  if (typeof body !== "string") {
    throw new ApiError(
      415,
      "validation_failed",
      "The start request must be sent as JSON with Content-Type: " +
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
      "The request body must be a JSON object with end_user_heron_id, " +
        "workflow_name and workflow_parameters.",
    );
  }

  const parsed = StartRunRequestSchema.safeParse(value);
  const fields: FieldMessages = {};
  if (!parsed.success) {
    addIssues(
      fields,
      parsed.error.issues,
      (key) => `"${key}" is not a field of a start request. Remove it.`,
    );
  }
  for (const unsafe of scan.unsafeNumbers) addUnsafeNumber(unsafe, fields);

  if (!parsed.success || Object.keys(fields).length > 0) {
    const names = Object.keys(fields).join(", ");
    throw new ApiError(
      400,
      "validation_failed",
      `The start request has invalid fields: ${names}. Correct them and ` +
        "send it again.",
      { fields },
    );
  }

  // zod copies the parameters into a new object, and its copy loses a
  // "__proto__" key. The parsed original goes to Heron as the user wrote it.
  const parameters = (value as { workflow_parameters: Record<string, unknown> })
    .workflow_parameters;
  const parametersJson = JSON.stringify(parameters);
  checkParametersSize(parametersJson, maxParametersBytes);

  return {
    request: { ...parsed.data, workflow_parameters: parameters },
    parametersJson,
  };
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

function checkParametersSize(parametersJson: string, limit: number): void {
  const bytes = Buffer.byteLength(parametersJson, "utf8");
  if (bytes <= limit) return;
  const message =
    `The parameters are ${formatKb(bytes)} of JSON, more than the ` +
    `${formatKb(limit)} limit. Make them smaller, or ask an administrator ` +
    "to raise MAX_PARAMETERS_BYTES.";
  throw new ApiError(413, "payload_too_large", message, {
    fields: { workflow_parameters: [message] },
  });
}

function formatKb(bytes: number): string {
  return `${Number((bytes / 1024).toFixed(1))} KB`;
}
