import { describe, expect, it } from "vitest";
import {
  SHARE_LINK_MAX_CHARS,
  SHARE_LINK_PARAM,
  buildShareUrl,
  decodeShareValue,
  encodeShareValue,
} from "./share-link";
import type { StartDraft } from "./start-draft";

const draft: StartDraft = {
  end_user_heron_id: "eus_123",
  workflow_name: "Standard processing",
  workflow_parameters: { region: "eu", nested: { a: [1, 2] }, note: "café ✓" },
};

function encodeText(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}

function expectFailure(value: string, fragment: string) {
  const result = decodeShareValue(value);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.message).toContain(fragment);
    expect(result.message).toContain("the form was left empty");
  }
}

describe("share link", () => {
  it("round-trips a full draft", () => {
    const value = encodeShareValue(draft);
    expect(value).not.toBeNull();
    expect(decodeShareValue(value ?? "")).toEqual({ ok: true, draft });
  });

  it("round-trips a draft without end user or workflow", () => {
    const partial: StartDraft = {
      end_user_heron_id: null,
      workflow_name: null,
      workflow_parameters: {},
    };
    expect(decodeShareValue(encodeShareValue(partial) ?? "")).toEqual({
      ok: true,
      draft: partial,
    });
  });

  it("keeps a __proto__ parameter as data", () => {
    const value = encodeText('{"workflow_parameters":{"__proto__":{"x":1}}}');
    const result = decodeShareValue(value);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(Object.keys(result.draft.workflow_parameters)).toEqual([
        "__proto__",
      ]);
    }
  });

  it("uses only URL-safe characters", () => {
    expect(encodeShareValue(draft)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("builds a URL that keeps only the start parameter", () => {
    const url = buildShareUrl(draft, "http://127.0.0.1:5101/?page=2#history");
    expect(url).not.toBeNull();
    const parsed = new URL(url ?? "");
    expect([...parsed.searchParams.keys()]).toEqual([SHARE_LINK_PARAM]);
    expect(parsed.hash).toBe("");
  });

  it("refuses to encode oversized parameters", () => {
    const big: StartDraft = {
      ...draft,
      workflow_parameters: { blob: "x".repeat(SHARE_LINK_MAX_CHARS) },
    };
    expect(encodeShareValue(big)).toBeNull();
    expect(buildShareUrl(big, "http://127.0.0.1/")).toBeNull();
  });

  it("rejects an oversized value", () => {
    expectFailure("A".repeat(SHARE_LINK_MAX_CHARS + 1), "more than the");
  });

  it("rejects text that is not base64url", () => {
    expectFailure("e30x!!", "not valid base64url");
  });

  it("rejects bytes that are not UTF-8", () => {
    expectFailure(Buffer.from([0xff, 0xfe]).toString("base64url"), "base64url");
  });

  it("rejects malformed JSON", () => {
    expectFailure(encodeText("{nope"), "not valid JSON");
  });

  it("rejects JSON that is not an object", () => {
    expectFailure(encodeText("[1,2]"), "not a JSON object");
  });

  it.each([
    ["an array", "[1]"],
    ["a string", '"x"'],
    ["a number", "3"],
  ])("rejects parameters that are %s", (kind, json) => {
    expectFailure(
      encodeText(`{"workflow_parameters":${json}}`),
      `workflow_parameters is ${kind}, not a JSON object`,
    );
  });

  it("rejects an end user id that is not text", () => {
    expectFailure(encodeText('{"end_user_heron_id":5}'), "end_user_heron_id");
  });

  it("rejects an overlong workflow name", () => {
    expectFailure(
      encodeText(JSON.stringify({ workflow_name: "w".repeat(256) })),
      "workflow_name is 256 characters long",
    );
  });
});
