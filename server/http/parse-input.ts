import type { z } from "zod";

import { ApiError } from "../errors.js";

export type FieldMessages = Record<string, string[]>;

/**
 * Adds zod's issues to `fields` by dotted path. An unknown key gets its own
 * entry; `unknownKeyMessage` words it. Issues on the whole input go under
 * "request".
 */
export function addIssues(
  fields: FieldMessages,
  issues: z.core.$ZodIssue[],
  unknownKeyMessage: (key: string) => string,
): void {
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        addFieldMessage(fields, key, unknownKeyMessage(key));
      }
    } else {
      const path = issue.path.map(String).join(".") || "request";
      addFieldMessage(fields, path, issue.message);
    }
  }
}

export function addFieldMessage(
  fields: FieldMessages,
  path: string,
  message: string,
): void {
  // Paths come from user input, so "toString" or "__proto__" must not reach
  // Object.prototype, neither when reading nor when writing.
  const existing = Object.hasOwn(fields, path) ? fields[path] : undefined;
  Object.defineProperty(fields, path, {
    value: [...(existing ?? []), message],
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/**
 * Returns `input` parsed by `schema`, or throws ApiError 400 with the
 * messages by field path. `inputName` names the input in the message.
 */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  inputName: string,
): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;

  const fields: FieldMessages = {};
  addIssues(
    fields,
    parsed.error.issues,
    (key) => `"${key}" is not a known parameter. Remove it.`,
  );
  throw new ApiError(
    400,
    "validation_failed",
    `The ${inputName} has invalid values: ${Object.keys(fields).join(", ")}. ` +
      "Correct them and send it again.",
    { fields },
  );
}
