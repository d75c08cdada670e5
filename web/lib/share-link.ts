import {
  END_USER_HERON_ID_MAX,
  WORKFLOW_NAME_MAX,
} from "../../server/contract/runs";
import type { StartDraft } from "./start-draft";

/** The query parameter that carries a share link's form values. */
export const SHARE_LINK_PARAM = "start";

// Node's HTTP parser rejects a request whose headers, request line included,
// pass 16 KiB (its default --max-http-header-size), and the console server
// would then respond with 431 before the page loads. Half of that leaves room for
// cookies and the other headers a browser sends.
export const SHARE_LINK_MAX_CHARS = 8 * 1024;

export type ShareLinkResult =
  { ok: true; draft: StartDraft } | { ok: false; message: string };

const LEFT_EMPTY = "the form was left empty";

/**
 * Encodes the form's values as base64url of compact JSON, keyed by the start
 * request's own field names. Returns null when the encoded value would pass
 * SHARE_LINK_MAX_CHARS.
 */
export function encodeShareValue(draft: StartDraft): string | null {
  const compact: Record<string, unknown> = {};

  if (draft.end_user_heron_id !== null) {
    compact.end_user_heron_id = draft.end_user_heron_id;
  }
  if (draft.workflow_name !== null) {
    compact.workflow_name = draft.workflow_name;
  }
  compact.workflow_parameters = draft.workflow_parameters;

  const bytes = new TextEncoder().encode(JSON.stringify(compact));
  const encoded = toBase64Url(bytes);

  return encoded.length > SHARE_LINK_MAX_CHARS ? null : encoded;
}

/** Builds the full page URL that opens the form filled with `draft`. */
export function buildShareUrl(
  draft: StartDraft,
  pageUrl: string,
): string | null {
  const value = encodeShareValue(draft);
  if (value === null) return null;

  const url = new URL(pageUrl);
  url.search = "";
  url.hash = "";
  url.searchParams.set(SHARE_LINK_PARAM, value);
  return url.toString();
}

/**
 * Decodes a share link's value. Every failure returns a message for staff
 * that names the problem and states that the form was left empty.
 */
export function decodeShareValue(value: string): ShareLinkResult {
  if (value.length > SHARE_LINK_MAX_CHARS) {
    return fail(
      `This link is ${value.length} characters long, more than the ${SHARE_LINK_MAX_CHARS} a share link may have; ${LEFT_EMPTY}. Ask for a link with fewer parameters, or paste them into the form.`,
    );
  }

  const text = fromBase64Url(value);
  if (text === null) {
    return fail(
      `This link's start value is not valid base64url text; ${LEFT_EMPTY}. Copy the whole link again.`,
    );
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(
      `This link's parameters are not valid JSON: ${reason}; ${LEFT_EMPTY}. Copy the whole link again.`,
    );
  }

  return readDraft(parsed);
}

function readDraft(parsed: unknown): ShareLinkResult {
  if (!isPlainObject(parsed)) {
    return fail(
      `This link's content is not a JSON object; ${LEFT_EMPTY}. Copy the whole link again.`,
    );
  }

  const endUser = readOptionalText(
    parsed,
    "end_user_heron_id",
    END_USER_HERON_ID_MAX,
  );
  if (typeof endUser === "object" && endUser !== null) return endUser;

  const workflow = readOptionalText(parsed, "workflow_name", WORKFLOW_NAME_MAX);
  if (typeof workflow === "object" && workflow !== null) return workflow;

  const parameters = parsed.workflow_parameters ?? {};
  if (!isPlainObject(parameters)) {
    return fail(
      `This link's workflow_parameters is ${describeJsonType(parameters)}, not a JSON object; ${LEFT_EMPTY}. Ask for a new link.`,
    );
  }

  return {
    ok: true,
    draft: {
      end_user_heron_id: endUser,
      workflow_name: workflow,
      workflow_parameters: parameters,
    },
  };
}

function readOptionalText(
  source: Record<string, unknown>,
  key: string,
  max: number,
): string | null | { ok: false; message: string } {
  const value = source[key];

  if (value === undefined || value === null) return null;
  if (typeof value !== "string" || value.trim() === "") {
    return fail(
      `This link's ${key} is not a non-empty text value; ${LEFT_EMPTY}. Ask for a new link.`,
    );
  }
  if (value.length > max) {
    return fail(
      `This link's ${key} is ${value.length} characters long, more than the ${max} allowed; ${LEFT_EMPTY}. Ask for a new link.`,
    );
  }

  return value.trim();
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describeJsonType(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return "a string";
  return `a ${typeof value}`;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);

  return btoa(binary)
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

function fromBase64Url(value: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(value) || value.length % 4 === 1) return null;

  const padded = value.replaceAll("-", "+").replaceAll("_", "/");

  try {
    const binary = atob(padded + "=".repeat((4 - (padded.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
