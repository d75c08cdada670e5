import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";

const ASSETS = path.join("dist", "assets");

test("built page serves no source maps", async ({ request }) => {
  const scripts = readdirSync(ASSETS).filter((file) => file.endsWith(".js"));
  expect(scripts.length, "scripts in dist/assets").toBeGreaterThan(0);

  for (const script of scripts) {
    const text = readFileSync(path.join(ASSETS, script), "utf8");
    const namesMap = text.includes("sourceMappingURL");
    expect(namesMap, `${script} names a source map`).toBe(false);

    const response = await request.get(`/assets/${script}.map`);
    expect(response.status(), `GET /assets/${script}.map`).toBe(404);
  }
});
