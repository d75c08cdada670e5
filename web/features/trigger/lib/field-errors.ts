import type { TriggerFieldName } from "./trigger-form-values";

export interface PlacedFieldErrors {
  /** One message per form field, placed under that field. */
  byField: Partial<Record<TriggerFieldName, string>>;
  /** Messages for paths no field shows, as "path: message". */
  unplaced: string[];
}

const PARAMETERS = "workflow_parameters";

// Heron reports errors about a whole object under "_schema".
const WHOLE_OBJECT_SEGMENT = "_schema";

/**
 * Places field errors from the server (dotted request paths such as
 * "workflow_parameters.email") beside the form field they concern.
 */
export function placeFieldErrors(
  fields: Record<string, string[]>,
): PlacedFieldErrors {
  const collected: Partial<Record<TriggerFieldName, string[]>> = {};
  const unplaced: string[] = [];

  for (const [path, messages] of Object.entries(fields)) {
    const placed = placePath(path, messages);

    if (placed === null) {
      unplaced.push(...messages.map((m) => `${path}: ${m}`));
      continue;
    }

    const list = collected[placed.field] ?? [];
    list.push(...placed.messages);
    collected[placed.field] = list;
  }

  const byField: PlacedFieldErrors["byField"] = {};
  for (const [field, messages] of Object.entries(collected)) {
    byField[field as TriggerFieldName] = messages.join(" ");
  }

  return { byField, unplaced };
}

function placePath(
  path: string,
  messages: string[],
): { field: TriggerFieldName; messages: string[] } | null {
  const segments = path
    .split(".")
    .filter((s) => s !== "" && s !== WHOLE_OBJECT_SEGMENT);
  const [head, ...rest] = segments;

  if (head === "end_user_heron_id" && rest.length === 0) {
    return { field: "end_user", messages };
  }

  if (head === "workflow_name" && rest.length === 0) {
    return { field: "workflow", messages };
  }

  if (head === "reason" && rest.length === 0) {
    return { field: "reason", messages };
  }

  if (head === PARAMETERS) {
    const inner = rest.join(".");
    const prefixed =
      inner === "" ? messages : messages.map((m) => `${inner}: ${m}`);
    return { field: "parameters_text", messages: prefixed };
  }

  return null;
}
