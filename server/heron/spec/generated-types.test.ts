import { readFile } from "node:fs/promises";
import openapiTS, { astToString } from "openapi-typescript";
import { expect, test } from "vitest";

// The Heron types are generated, never edited: regenerating them from the
// vendored spec must give the committed file byte for byte.
test("openapi.d.ts matches the vendored spec", async () => {
  const specUrl = new URL("./openapi.json", import.meta.url);
  const generated = astToString(await openapiTS(specUrl));
  const committed = await readFile(
    new URL("./openapi.d.ts", import.meta.url),
    "utf8",
  );

  // The CLI adds a header comment that the library call does not.
  expect(committed).toContain(generated.trim());
});
