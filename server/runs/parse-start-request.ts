import {
  REASON_REQUIRED_MESSAGE,
  StartRunRequestSchema,
  type StartRunRequest,
} from "../contract/runs.js";
import { ApiError } from "../errors.js";
import { checkParametersSize, parseJsonBody } from "../http/parse-json-body.js";

export interface ParsedStartRequest {
  request: StartRunRequest;
  /** workflow_parameters serialised once; these bytes go to Heron. */
  parametersJson: string;
}

/**
 * Validates the raw text of a start request. Throws ApiError 400 for invalid
 * JSON, invalid fields or numbers JSON cannot carry exactly, 413 when the
 * parameters exceed `maxParametersBytes`, and 422 on `reason` when
 * `requireReason` is set and the reason is missing or blank.
 */
export function parseStartRequest(
  body: unknown,
  maxParametersBytes: number,
  { requireReason = false }: { requireReason?: boolean } = {},
): ParsedStartRequest {
  const { data, value } = parseJsonBody(body, StartRunRequestSchema, {
    bodyName: "start request",
    fieldList: "end_user_heron_id, workflow_name and workflow_parameters",
  });

  // zod copies the parameters into a new object, and its copy loses a
  // "__proto__" key. The parsed original goes to Heron as the user wrote it.
  const parameters = value.workflow_parameters as Record<string, unknown>;
  const parametersJson = JSON.stringify(parameters);
  checkParametersSize(parametersJson, maxParametersBytes);
  if (requireReason && !data.reason) {
    throw new ApiError(422, "validation_failed", REASON_REQUIRED_MESSAGE, {
      fields: { reason: [REASON_REQUIRED_MESSAGE] },
    });
  }

  return {
    request: { ...data, workflow_parameters: parameters },
    parametersJson,
  };
}
