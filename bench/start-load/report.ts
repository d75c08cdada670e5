import type { Result } from "autocannon";

import { percentile, type LoadResult } from "./load.js";
import type { BenchOptions } from "./options.js";

export interface PhaseCounts {
  load: LoadResult;
  /** Start requests the sandbox recorded during the phase. */
  sandboxStarts: number;
}

export interface BenchReport {
  options: BenchOptions;
  machine: {
    cpus: string;
    memory: string;
    node: string;
    /** One-minute load average when the load began, to show other work. */
    loadAverage: number;
  };
  startedAt: Date;
  console: PhaseCounts & { rowsWritten: number };
  direct: PhaseCounts;
  rssMiB: { start: number | null; end: number | null };
}

/**
 * Returns whether every start through the console was sent, got a 2xx
 * response, has a row and reached the sandbox.
 */
export function countsAgree({ console: via, options }: BenchReport): boolean {
  const expected = options.rate * options.seconds;
  return [
    via.load.sent,
    via.load.result["2xx"],
    via.rowsWritten,
    via.sandboxStarts,
  ].every((count) => count === expected);
}

/** Formats the report as a markdown section for docs/benchmarks.md. */
export function formatReport(report: BenchReport): string {
  const { options, machine, console: via, direct, rssMiB } = report;
  const row = (name: string, viaConsole: string, straight: string) =>
    `| ${name} | ${viaConsole} | ${straight} |`;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const latency = (phase: PhaseCounts, p: number) =>
    ms(percentile(phase.load.latenciesMs, p));
  const mib = (value: number | null) =>
    value === null ? "not measured" : `${value.toFixed(0)} MiB`;
  const statuses = (result: Result) =>
    Object.entries(result.statusCodeStats)
      .map(([status, { count }]) => `${status}: ${count}`)
      .join(", ") || "none";

  const lines = [
    "## Start load through the console",
    "",
    "Command: `npm run bench:start-load -- " +
      `--seconds ${options.seconds} --rate ${options.rate} ` +
      `--connections ${options.connections} --log-level ${options.logLevel}\``,
    "",
    `Machine: ${machine.cpus} CPUs (\`nproc\`), ${machine.memory} memory ` +
      `(\`free -h\`), Node ${machine.node}, load average ` +
      `${machine.loadAverage.toFixed(2)} before the run. The load ` +
      "generator, the console and the sandbox run as separate processes on " +
      "the same machine.",
    "",
    `Run at ${report.startedAt.toISOString()}: ` +
      `${options.rate * options.seconds} starts at ${options.rate} per ` +
      `second over ${options.connections} connections, first through the ` +
      "console, then the same requests straight to the sandbox.",
    "",
    row("", "through the console", "straight to the sandbox"),
    row("---", "---", "---"),
    row("requests sent", String(via.load.sent), String(direct.load.sent)),
    row(
      "2xx responses",
      String(via.load.result["2xx"]),
      String(direct.load.result["2xx"]),
    ),
    row("rows written (SQLite)", String(via.rowsWritten), "-"),
    row(
      "starts recorded by the sandbox",
      String(via.sandboxStarts),
      String(direct.sandboxStarts),
    ),
    row("p50 latency", latency(via, 50), latency(direct, 50)),
    row("p99 latency", latency(via, 99), latency(direct, 99)),
    row("max latency", latency(via, 100), latency(direct, 100)),
    row(
      "errors and timeouts",
      `${via.load.result.errors}, ${via.load.result.timeouts}`,
      `${direct.load.result.errors}, ${direct.load.result.timeouts}`,
    ),
    row(
      "status codes",
      statuses(via.load.result),
      statuses(direct.load.result),
    ),
    "",
    `Console RSS: ${mib(rssMiB.start)} after start-up, ${mib(rssMiB.end)} ` +
      "after the load.",
    "",
    countsAgree(report)
      ? "All four counts through the console are equal."
      : "The four counts through the console differ: some starts were " +
        "lost or not answered 2xx.",
  ];
  return lines.join("\n") + "\n";
}
