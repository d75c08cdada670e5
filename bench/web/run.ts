import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

import { startServerProcess } from "../start-load/processes.js";
import { readFirstAdmin, signIn } from "../start-load/sign-in.js";

// Measures what the page costs a browser: the gzip size of the JavaScript
// that index.html loads before anything is lazy-loaded, and a Lighthouse
// desktop run against the built console (with its embedded sandbox).
// Usage: npm run bench:web   (run `npm run build` first)

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DIST = join(ROOT, "dist");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
].join(" ");

interface Asset {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** Lists the scripts index.html loads at once: the entry and its preloads. */
function initialScripts(): Asset[] {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const sources = [
    ...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+)"/g),
  ].map((match) => match[1] as string);

  return [...new Set(sources)].map((file) => {
    const content = readFileSync(join(DIST, file));
    return {
      file,
      bytes: content.length,
      gzipBytes: gzipSync(content, { level: 9 }).length,
    };
  });
}

interface LighthouseScores {
  performance: number;
  accessibility: number;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
  /** Elements on the page once loaded: the signed-in console has hundreds. */
  domElements: number;
}

/**
 * Runs Lighthouse against the page at `url`, sending `cookie` with every
 * request so it measures the signed-in console rather than the sign-in page.
 */
function runLighthouse(url: string, cookie: string): LighthouseScores {
  const outDir = mkdtempSync(join(tmpdir(), "bench-web-"));
  const report = join(outDir, "report.json");
  try {
    try {
      execFileSync(
        join(ROOT, "node_modules", ".bin", "lighthouse"),
        [
          url,
          "--preset=desktop",
          "--only-categories=performance,accessibility",
          "--output=json",
          `--output-path=${report}`,
          `--chrome-flags=${CHROME_FLAGS}`,
          `--extra-headers=${JSON.stringify({ cookie })}`,
          "--quiet",
        ],
        { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: "inherit" },
      );
    } catch {
      // The default error repeats the command line, session cookie included.
      throw new Error(
        "Lighthouse failed; its own message is above. A trace error such " +
          "as NO_NAVSTART comes and goes, so run the benchmark again.",
      );
    }
    const result = JSON.parse(readFileSync(report, "utf8")) as {
      categories: Record<string, { score: number }>;
      audits: Record<string, { numericValue: number }>;
    };
    return {
      performance: result.categories.performance?.score ?? 0,
      accessibility: result.categories.accessibility?.score ?? 0,
      firstContentfulPaintMs:
        result.audits["first-contentful-paint"]?.numericValue ?? 0,
      largestContentfulPaintMs:
        result.audits["largest-contentful-paint"]?.numericValue ?? 0,
      totalBlockingTimeMs:
        result.audits["total-blocking-time"]?.numericValue ?? 0,
      domElements: result.audits["dom-size"]?.numericValue ?? 0,
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main(): Promise<void> {
  const scripts = initialScripts();
  const dataDir = mkdtempSync(join(tmpdir(), "bench-web-db-"));
  // The embedded sandbox serves Heron, as for a new user's `npm start`.
  const consoleProcess = await startServerProcess(
    "server/main.ts",
    {
      PORT: "0",
      DATABASE_PATH: join(dataDir, "console.sqlite"),
      LOG_LEVEL: "warn",
    },
    /Heron Workflow Console: (http:\/\/\S+)/,
  );

  let scores: LighthouseScores;
  try {
    const { headers } = await signIn(
      consoleProcess.url,
      readFirstAdmin(consoleProcess.output()),
    );
    scores = runLighthouse(consoleProcess.url, headers.cookie ?? "");
  } finally {
    await consoleProcess.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const total = scripts.reduce((sum, asset) => sum + asset.gzipBytes, 0);
  const lines = [
    `Run at ${new Date().toISOString()} against ${consoleProcess.url}`,
    "",
    "| initial script | size | gzip |",
    "| --- | --- | --- |",
    ...scripts.map(
      (asset) =>
        `| ${asset.file} | ${kb(asset.bytes)} | ${kb(asset.gzipBytes)} |`,
    ),
    `| **total** | | **${kb(total)}** |`,
    "",
    "| Lighthouse (desktop) | value |",
    "| --- | --- |",
    `| performance score | ${scores.performance.toFixed(2)} |`,
    `| accessibility score | ${scores.accessibility.toFixed(2)} |`,
    `| first contentful paint | ${Math.round(scores.firstContentfulPaintMs)} ms |`,
    `| largest contentful paint | ${Math.round(scores.largestContentfulPaintMs)} ms |`,
    `| total blocking time | ${Math.round(scores.totalBlockingTimeMs)} ms |`,
    `| DOM elements | ${scores.domElements} |`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

await main();
