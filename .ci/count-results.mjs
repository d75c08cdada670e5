// Sums the JSON reports that Vitest and Playwright wrote into one closing
// line, since CI reads neither runner's own summary.
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;

const vitestReport = "test-results/vitest-report.json";
if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}

const playwrightReport = "test-results/e2e-report.json";
if (existsSync(playwrightReport)) {
  const { stats } = JSON.parse(readFileSync(playwrightReport, "utf8"));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  skipped += stats.skipped;
}

const skippedPart = skipped > 0 ? `, ${skipped} skipped` : "";
console.log(`${passed} passed, ${failed} failed${skippedPart}`);
