// Heron's 422 descriptions follow the webargs and marshmallow layout: keyed
// first by input location, such as "json", then by field, with "_schema" for
// errors on a whole object. These are the location names webargs uses.
const INPUT_LOCATIONS = new Set([
  "json",
  "query",
  "querystring",
  "form",
  "headers",
  "cookies",
  "files",
  "view_args",
  "path",
]);

export interface FieldErrors {
  /** Messages by dotted field path, such as "workflow_parameters.amount". */
  fields: Record<string, string[]>;
  /** Messages about the request as a whole. */
  general: string[];
}

/**
 * Flattens the description of a Heron 400 or 422 response into messages by
 * dotted field path. The input location level ("json") is dropped, and
 * marshmallow's "_schema" key means the field that contains it.
 */
export function flattenFieldErrors(description: unknown): FieldErrors {
  const result: FieldErrors = { fields: {}, general: [] };
  if (!isRecord(description)) {
    collect(description, [], result);
    return result;
  }
  for (const [key, value] of Object.entries(description)) {
    collect(value, INPUT_LOCATIONS.has(key) ? [] : [key], result);
  }
  return result;
}

function collect(value: unknown, path: string[], result: FieldErrors): void {
  if (typeof value === "string") {
    addMessages([value], path, result);
  } else if (Array.isArray(value)) {
    if (value.every((item) => typeof item === "string")) {
      addMessages(value, path, result);
    } else {
      value.forEach((item, index) =>
        collect(item, [...path, String(index)], result),
      );
    }
  } else if (isRecord(value)) {
    for (const [key, child] of Object.entries(value)) {
      collect(child, key === "_schema" ? path : [...path, key], result);
    }
  }
}

function addMessages(
  messages: string[],
  path: string[],
  result: FieldErrors,
): void {
  if (messages.length === 0) return;
  if (path.length === 0) {
    result.general.push(...messages);
    return;
  }
  const name = path.join(".");
  result.fields[name] = [...(result.fields[name] ?? []), ...messages];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
