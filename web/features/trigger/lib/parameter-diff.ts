/** One top-level parameter that differs between two parameter objects. */
export type ParameterChange =
  | { kind: "added"; key: string; after: unknown }
  | { kind: "removed"; key: string; before: unknown }
  | { kind: "changed"; key: string; before: unknown; after: unknown };

/**
 * Compares two parameter objects key by key, in the order of `before` and
 * then the keys only `after` has. Values are compared as JSON with object
 * keys sorted, so `{"a":1,"b":2}` equals `{"b":2,"a":1}`; a nested change
 * shows as a change of its top-level key.
 */
export function diffParameters(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): ParameterChange[] {
  const changes: ParameterChange[] = [];

  for (const key of Object.keys(before)) {
    if (!Object.hasOwn(after, key)) {
      changes.push({ kind: "removed", key, before: before[key] });
    } else if (canonicalJson(before[key]) !== canonicalJson(after[key])) {
      changes.push({
        kind: "changed",
        key,
        before: before[key],
        after: after[key],
      });
    }
  }

  for (const key of Object.keys(after)) {
    if (!Object.hasOwn(before, key)) {
      changes.push({ kind: "added", key, after: after[key] });
    }
  }

  return changes;
}

/** Describes one change as a line of text, values as compact JSON. */
export function describeParameterChange(change: ParameterChange): string {
  const key = JSON.stringify(change.key);

  switch (change.kind) {
    case "added":
      return `Added ${key}: ${compactJson(change.after)}`;
    case "removed":
      return `Removed ${key} (was ${compactJson(change.before)})`;
    case "changed":
      return `Changed ${key}: ${compactJson(change.before)} → ${compactJson(change.after)}`;
  }
}

function compactJson(value: unknown): string {
  return JSON.stringify(value) ?? "undefined";
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? "undefined";
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== "object" || value === null) return value;

  // Sorted by code unit, not by locale, so the order never depends on the
  // browser's language.
  const entries = Object.entries(value).sort(([a], [b]) => {
    if (a === b) return 0;
    return a < b ? -1 : 1;
  });
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}
