import express from "express";

import { bodyTooLargeForParameters } from "./parse-json-body.js";

// Room for the other fields of a request around its parameters, such as an
// end user's heron id (64 characters) and a workflow name (255).
const BODY_MARGIN_BYTES = 16 * 1024;
// JSON may write any character as a 6-byte \uXXXX escape, and the size check
// measures the parameters re-serialised without them.
const MAX_ESCAPE_GROWTH = 6;

/**
 * Returns the body limit for requests that carry workflow parameters: large
 * enough that parameters within `maxParametersBytes` always get through,
 * however they are escaped, so the parameters check has the final word.
 */
export function bodyLimitFor(maxParametersBytes: number): number {
  return maxParametersBytes * MAX_ESCAPE_GROWTH + BODY_MARGIN_BYTES;
}

/**
 * Reads a JSON request body as text, since only the raw text shows integers
 * that JSON.parse would silently round. A body over the limit gets the same
 * 413 on workflow_parameters as parameters over `maxParametersBytes`.
 */
export function readJsonText(
  maxParametersBytes: number,
): ReturnType<typeof express.text> {
  const read = express.text({
    type: ["application/json", "application/*+json"],
    limit: bodyLimitFor(maxParametersBytes),
  });

  return (req, res, next) => {
    read(req, res, (error?: unknown) => {
      if (isTooLarge(error)) {
        const bodyBytes = error.length ?? error.received ?? 0;
        next(bodyTooLargeForParameters(bodyBytes, maxParametersBytes));
        return;
      }
      next(error);
    });
  };
}

// body-parser's error for a body over its limit carries the Content-Length
// as `length`, or for a body sent without one the bytes read as `received`.
interface TooLargeError {
  length?: number;
  received?: number;
}

function isTooLarge(error: unknown): error is TooLargeError {
  return (
    error instanceof Error &&
    (error as { type?: unknown }).type === "entity.too.large"
  );
}
