import type { ParameterRule } from "../seed/workflows.js";
import {
  MESSAGES,
  oneOfMessage,
  parseBoolean,
  parseInteger,
  rangeMessage,
} from "./field-rules.js";

// A pragmatic check, not RFC 5322: one @, no spaces, a dot in the domain.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks workflow_parameters against a workflow's own rules and returns the
 * messages by parameter name, empty when valid. Parameters without a rule
 * pass as they are.
 */
export function validateWorkflowParameters(
  parameters: Record<string, unknown>,
  rules: Readonly<Record<string, ParameterRule>>,
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};

  for (const [name, rule] of Object.entries(rules)) {
    const value = parameters[name];
    let message: string | undefined;
    if (value === undefined) {
      message = rule.required ? MESSAGES.missing : undefined;
    } else if (value === null) {
      message = MESSAGES.null;
    } else {
      message = checkValue(value, rule);
    }
    if (message !== undefined) errors[name] = [message];
  }
  return errors;
}

function checkValue(value: unknown, rule: ParameterRule): string | undefined {
  switch (rule.type) {
    case "string":
      if (typeof value !== "string") return MESSAGES.notString;
      if (rule.choices && !rule.choices.includes(value)) {
        return oneOfMessage(rule.choices);
      }
      return undefined;
    case "email":
      return typeof value === "string" && EMAIL_PATTERN.test(value)
        ? undefined
        : MESSAGES.notEmail;
    case "integer": {
      const number = parseInteger(value);
      if (number === undefined) return MESSAGES.notInteger;
      const tooLow = rule.min !== undefined && number < rule.min;
      const tooHigh = rule.max !== undefined && number > rule.max;
      return tooLow || tooHigh ? rangeMessage(rule.min, rule.max) : undefined;
    }
    case "boolean":
      return parseBoolean(value) === undefined
        ? MESSAGES.notBoolean
        : undefined;
    case "date":
      return isCalendarDate(value) ? undefined : MESSAGES.notDate;
  }
}

/** True for "YYYY-MM-DD" text naming a real day, such as "2024-02-29". */
function isCalendarDate(value: unknown): boolean {
  if (typeof value !== "string" || !DATE_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
