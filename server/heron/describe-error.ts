import type { ApiErrorCode } from "../contract/errors.js";
import { flattenFieldErrors } from "./field-errors.js";
import type { HeronError } from "./heron-error.js";
import { secondsUntilReset } from "./rate-limit.js";

/** Status, code and message that report a failed Heron call to the caller. */
export interface HeronErrorDescription {
  status: number;
  code: ApiErrorCode;
  message: string;
  fields?: Record<string, string[]>;
  retryAfterSeconds?: number;
}

const OPERATION_SUBJECTS: Record<string, string> = {
  list_end_users: "the end user search",
  get_end_user: "the end user lookup",
  list_workflows: "the workflow list",
  start_by_name: "the workflow start",
  get_execution_status: "the execution status",
  list_executions: "the execution list",
  check_authenticated: "the API key check",
};

const AUTH_FAILED_MESSAGE =
  "Heron rejected the console's API key. Ask an administrator to check " +
  "HERON_API_KEY.";

/**
 * Maps a failed Heron call to the console's status, code and message:
 * Heron's 4xx responses keep their meaning, a timeout is 504 and other
 * failures are 502.
 */
export function describeHeronError(error: HeronError): HeronErrorDescription {
  const subject = OPERATION_SUBJECTS[error.operation] ?? error.operation;

  switch (error.kind) {
    case "timeout":
      return {
        status: 504,
        code: "heron_timeout",
        message:
          `Heron did not respond to ${subject} within ` +
          `${formatSeconds(error.timeoutMs)}. Try again in a moment.`,
      };
    case "network":
      return {
        status: 502,
        code: "heron_unavailable",
        message:
          `The console could not reach Heron for ${subject}. Try again. If ` +
          "it keeps failing, ask an administrator to check HERON_BASE_URL " +
          "and the network.",
      };
    case "bad_response":
      return {
        status: 502,
        code: "heron_bad_response",
        message:
          `Heron responded to ${subject} with data the console cannot read. ` +
          "Try again. If it keeps failing, tell an administrator.",
      };
    case "http":
      return describeHttpError(error, subject);
  }
}

function describeHttpError(
  error: HeronError,
  subject: string,
): HeronErrorDescription {
  const status = error.status ?? 0;
  const description = error.envelope?.description;

  if (status >= 300 && status < 400) {
    // Heron's OpenAPI contract lists no 3xx responses. The client does not
    // follow them, since that would resend the key to another address.
    return {
      status: 502,
      code: "heron_unavailable",
      message:
        `Heron redirected ${subject} (HTTP ${status}) instead of answering, ` +
        "and the console does not follow redirects. Ask an administrator " +
        "to check HERON_BASE_URL, which may point at an old or wrong address.",
    };
  }
  if (status === 429) {
    // Heron documents x-ratelimit-reset on every response. Without it, wait
    // one window of the documented example limit (100 per minute).
    const retryAfterSeconds = secondsUntilReset(error.rateLimit) ?? 60;
    const limit = typeof description === "string" ? ` (${description})` : "";
    return {
      status: 429,
      code: "heron_rate_limited",
      message:
        `Heron's rate limit for ${subject} is used up${limit}. Try again ` +
        `in ${retryAfterSeconds} s.`,
      retryAfterSeconds,
    };
  }
  if (status === 401 || status === 403) {
    return {
      status: 502,
      code: "heron_auth_failed",
      message: AUTH_FAILED_MESSAGE,
    };
  }
  if (status === 404) {
    return {
      status: 404,
      code: "heron_not_found",
      message:
        `Heron found nothing for ${subject} (HTTP 404). Check the value ` +
        "and try again.",
    };
  }
  if (status >= 400 && status < 500) {
    const { fields, general } = flattenFieldErrors(description);
    // Heron's sentences end with a period and the message adds its own.
    const reasons =
      general.length > 0 ? `: ${general.join(" ").replace(/\.$/, "")}` : "";
    const hasFields = Object.keys(fields).length > 0;
    return {
      status: 422,
      code: "heron_rejected",
      message:
        `Heron rejected ${subject} with HTTP ${status}${reasons}. ` +
        (hasFields
          ? `${describeMarkedFields(fields)} ` +
            `Correct ${Object.keys(fields).length === 1 ? "it" : "them"} and try again.`
          : "Check the input and try again."),
      ...(hasFields ? { fields } : {}),
    };
  }
  return {
    status: 502,
    code: "heron_unavailable",
    message:
      `Heron failed on ${subject} with HTTP ${status}. Try again in a few ` +
      "minutes. If it keeps failing, tell an administrator.",
  };
}

// Enough to name every field of a usual start, short enough for one line of
// the history.
const MARKED_FIELDS_SHOWN = 5;

/**
 * Names the fields Heron marked, with its messages, because the history
 * shows only this message and not the fields beside their inputs.
 */
function describeMarkedFields(fields: Record<string, string[]>): string {
  const entries = Object.entries(fields);
  const named = entries
    .slice(0, MARKED_FIELDS_SHOWN)
    // The period of Heron's last sentence would double the sentence's own.
    .map(
      ([field, messages]) =>
        `${field} (${messages.join(" ").replace(/\.$/, "")})`,
    );
  const rest = entries.length - named.length;
  const more = rest > 0 ? ` and ${rest} more` : "";
  return `Heron marked ${named.join(", ")}${more}.`;
}

export function formatSeconds(ms: number | null): string {
  if (ms === null) return "the time limit";
  return `${Number((ms / 1000).toFixed(1))} s`;
}
