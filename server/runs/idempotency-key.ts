import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";

import { ApiError } from "../errors.js";
import type { ParsedStartRequest } from "./parse-start-request.js";

export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

const MAX_KEY_LENGTH = 128;
// Visible ASCII: "!" (0x21) to "~" (0x7e), so no spaces or control codes.
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

/**
 * Returns the request's Idempotency-Key header, or null when it has none.
 * Throws ApiError 400 naming the header when it is not 1 to 128 visible
 * ASCII characters. Node joins repeated headers with ", ", so a repeated
 * header is invalid as well.
 */
export function readIdempotencyKey(req: IncomingMessage): string | null {
  const value = req.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  if (value === undefined) return null;
  const key = Array.isArray(value) ? value.join(", ") : value;
  if (
    key.length >= 1 &&
    key.length <= MAX_KEY_LENGTH &&
    VISIBLE_ASCII.test(key)
  ) {
    return key;
  }

  const message =
    `The ${IDEMPOTENCY_KEY_HEADER} header ${describeProblem(key)}, but it ` +
    `must be 1 to ${MAX_KEY_LENGTH} visible ASCII characters. Send a new ` +
    "UUID as the key.";
  throw new ApiError(400, "validation_failed", message, {
    fields: { [IDEMPOTENCY_KEY_HEADER]: [message] },
  });
}

function describeProblem(key: string): string {
  if (key.length === 0) return "is empty";
  if (key.length > MAX_KEY_LENGTH) return `has ${key.length} characters`;
  return "contains a space, a control character or a non-ASCII character";
}

/**
 * Returns the SHA-256 hex digest of what a start requests from Heron: the end
 * user, the workflow name and the exact parameters JSON text. A repeated key
 * with another digest is a different request.
 */
export function hashStartRequest({
  request,
  parametersJson,
}: ParsedStartRequest): string {
  // A JSON array keeps the three parts apart, whatever characters they hold.
  const content = JSON.stringify([
    request.end_user_heron_id,
    request.workflow_name,
    parametersJson,
  ]);
  return createHash("sha256").update(content, "utf8").digest("hex");
}
