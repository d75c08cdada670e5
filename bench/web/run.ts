import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

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
}

function runLighthouse(url: string): LighthouseScores {
  const outDir = mkdtempSync(join(tmpdir(), "bench-web-"));
  const report = join(outDir, "report.json");
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
        "--quiet",
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: "inherit" },
    );
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
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

interface ConsoleProcess {
  url: string;
  stop(): Promise<void>;
}

// Self-contained on purpose: the import-direction rule reads bench/web/ as
// part of the web app, which may not import other bench folders.
async function startConsole(databasePath: string): Promise<ConsoleProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      PORT: "0",
      DATABASE_PATH: databasePath,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) =>
    child.on("exit", () => resolve()),
  );

  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      reject(new Error(`The console did not start in 30 s:\n${output}`));
    }, 30_000);
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Heron Workflow Console: (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`The console exited before listening:\n${output}`));
    });
  });

  return {
    url,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main(): Promise<void> {
  const scripts = initialScripts();
  const dataDir = mkdtempSync(join(tmpdir(), "bench-web-db-"));
  const consoleProcess = await startConsole(join(dataDir, "console.sqlite"));

  let scores: LighthouseScores;
  try {
    scores = runLighthouse(consoleProcess.url);
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
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

await main();
