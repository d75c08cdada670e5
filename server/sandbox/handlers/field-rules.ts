// Field-error messages in marshmallow's words. Heron's 422 bodies have
// marshmallow's shape (location, field, list of messages), so the sandbox
// assumes its texts too.

export const MESSAGES = {
  missing: "Missing data for required field.",
  null: "Field may not be null.",
  unknown: "Unknown field.",
  invalidType: "Invalid input type.",
  notString: "Not a valid string.",
  notInteger: "Not a valid integer.",
  notBoolean: "Not a valid boolean.",
  notMapping: "Not a valid mapping type.",
  notEmail: "Not a valid email address.",
  notDate: "Not a valid date.",
} as const;

export function oneOfMessage(choices: readonly string[]): string {
  return `Must be one of: ${choices.join(", ")}.`;
}

export function rangeMessage(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) {
    return `Must be greater than or equal to ${min} and less than or equal to ${max}.`;
  }
  if (min !== undefined) return `Must be greater than or equal to ${min}.`;
  return `Must be less than or equal to ${max}.`;
}

const TRUE_TEXTS = new Set(["true", "t", "yes", "y", "on", "1"]);
const FALSE_TEXTS = new Set(["false", "f", "no", "n", "off", "0"]);

/** Parses a boolean as marshmallow accepts one, or returns undefined. */
export function parseBoolean(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value !== "string") return undefined;
  const text = value.toLowerCase();
  if (TRUE_TEXTS.has(text)) return true;
  if (FALSE_TEXTS.has(text)) return false;
  return undefined;
}

/** Parses an integer from a number or decimal text, or returns undefined. */
export function parseInteger(value: unknown): number | undefined {
  if (typeof value === "number") {
    return Number.isSafeInteger(value) ? value : undefined;
  }
  if (typeof value === "string" && /^[+-]?\d+$/.test(value.trim())) {
    const parsed = Number(value.trim());
    return Number.isSafeInteger(parsed) ? parsed : undefined;
  }
  return undefined;
}

export function isPlainObject(
  value: unknown,
): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
