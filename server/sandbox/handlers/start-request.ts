import type { StartByNameRequest } from "../heron-types.js";
import { isPlainObject, MESSAGES } from "./field-rules.js";

export type StartRequestResult =
  | { kind: "ok"; request: StartByNameRequest }
  | { kind: "invalid_json"; message: string }
  | { kind: "invalid_fields"; errors: Record<string, unknown> };

const KNOWN_FIELDS = new Set([
  "end_user_heron_id",
  "workflow_name",
  "workflow_parameters",
  "trigger_id",
  "trigger_payload",
]);

/**
 * Parses a start_by_name body from its raw bytes. A body without a JSON
 * Content-Type, or with no bytes, counts as absent, so its required fields
 * are reported missing. Bytes that are not UTF-8 JSON are a 400, not a 422.
 * NOTE: Heron documents neither case, so both imitate a typical Flask API.
 */
export function parseStartRequest(
  contentType: string | undefined,
  body: Buffer,
): StartRequestResult {
  if (!isJsonContentType(contentType) || body.length === 0) {
    return validateStartRequest({});
  }

  let parsed: unknown;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    parsed = JSON.parse(text);
  } catch (error) {
    return { kind: "invalid_json", message: (error as Error).message };
  }
  return validateStartRequest(parsed);
}

export function isJsonContentType(contentType: string | undefined): boolean {
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  return (
    mediaType === "application/json" ||
    /^application\/[^/]+\+json$/.test(mediaType ?? "")
  );
}

/** Checks the body against WorkflowStartByNameRequestSchema. */
function validateStartRequest(input: unknown): StartRequestResult {
  if (!isPlainObject(input)) {
    return {
      kind: "invalid_fields",
      errors: { _schema: [MESSAGES.invalidType] },
    };
  }

  const errors: Record<string, unknown> = {};
  for (const field of ["end_user_heron_id", "workflow_name"]) {
    const value = input[field];
    if (value === undefined) errors[field] = [MESSAGES.missing];
    else if (value === null) errors[field] = [MESSAGES.null];
    else if (typeof value !== "string") errors[field] = [MESSAGES.notString];
  }

  const parameters = input.workflow_parameters;
  if (parameters === null) {
    errors.workflow_parameters = [MESSAGES.null];
  } else if (parameters !== undefined && !isPlainObject(parameters)) {
    errors.workflow_parameters = { _schema: [MESSAGES.invalidType] };
  }

  const triggerId = input.trigger_id;
  if (triggerId != null && typeof triggerId !== "string") {
    errors.trigger_id = [MESSAGES.notString];
  }
  const payload = input.trigger_payload;
  if (payload === null) errors.trigger_payload = [MESSAGES.null];
  else if (payload !== undefined && !isPlainObject(payload)) {
    errors.trigger_payload = [MESSAGES.notMapping];
  }

  // NOTE: Heron's docs do not say whether it rejects unknown fields. The
  // sandbox does, as marshmallow schemas do by default.
  for (const field of Object.keys(input)) {
    if (!KNOWN_FIELDS.has(field)) errors[field] = [MESSAGES.unknown];
  }

  if (Object.keys(errors).length > 0) return { kind: "invalid_fields", errors };
  return {
    kind: "ok",
    request: {
      ...(input as unknown as StartByNameRequest),
      workflow_parameters: isPlainObject(parameters) ? parameters : {},
    },
  };
}
