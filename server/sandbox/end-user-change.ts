import { z } from "zod";
import type { EndUserChange } from "./end-user-store.js";
import { describeIssues } from "./fault-schema.js";
import { END_USER_STATUSES } from "./heron-types.js";

const EndUserChangeSchema = z.strictObject({
  name: z.string().min(1).max(128).nullable().optional(),
  status: z.enum(END_USER_STATUSES).optional(),
});

/**
 * Parses the body of POST /__sandbox/end-users/{heron_id}. Returns the
 * change, or a message for a 400 response.
 */
export function parseEndUserChange(text: string): EndUserChange | string {
  let input: unknown;
  try {
    input = JSON.parse(text === "" ? "{}" : text);
  } catch {
    return 'The change must be a JSON object, such as {"name":"Acme Ltd"}.';
  }
  const result = EndUserChangeSchema.safeParse(input);
  if (!result.success) {
    return `Invalid end user change: ${describeIssues(result.error)}`;
  }
  return result.data as EndUserChange;
}
