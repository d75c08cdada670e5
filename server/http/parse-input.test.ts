import { describe, expect, it } from "vitest";

import { addFieldMessage, type FieldMessages } from "./parse-input.js";

describe("addFieldMessage", () => {
  it.each(["toString", "__proto__", "constructor", "hasOwnProperty"])(
    "keeps a field named %s as plain data",
    (path) => {
      const fields: FieldMessages = {};

      addFieldMessage(fields, path, "first");
      addFieldMessage(fields, path, "second");

      expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
      expect(JSON.parse(JSON.stringify(fields))).toEqual(
        JSON.parse(`{"${path}":["first","second"]}`),
      );
    },
  );
});
