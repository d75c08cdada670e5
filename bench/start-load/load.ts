import { randomUUID } from "node:crypto";

import autocannon, { type RequestSpec, type Result } from "autocannon";

import { seedEndUsers } from "../../server/sandbox/index.js";
import type { BenchOptions } from "./options.js";

// Starts rotate over a few seeded end users, so the console looks up a name
// at Heron only for the first start of each.
const END_USERS = seedEndUsers()
  .slice(0, 20)
  .map((user) => user.heron_id);
const WORKFLOW_NAME = "Standard processing";

export interface LoadTarget {
  url: string;
  path: string;
  headers: Record<string, string>;
  /** Builds the body of start number `index`. */
  body: (endUserHeronId: string, index: number) => unknown;
}

export interface LoadResult {
  result: Result;
  /** Requests written to a connection, counted here. */
  sent: number;
  /** Milliseconds from sending each request to its whole response. */
  latenciesMs: number[];
}

/**
 * Sends rate × seconds start requests, each with its own Idempotency-Key,
 * and waits for every response. autocannon spreads the rate over the
 * connections, and each connection sends its share for a second back to
 * back, then waits for the next second.
 */
export async function sendStarts(
  target: LoadTarget,
  options: BenchOptions,
): Promise<LoadResult> {
  let sent = 0;
  const latenciesMs: number[] = [];
  // autocannon 9 calls setupRequest once for each request it writes, so
  // `sent` counts them.
  const setupRequest = (request: RequestSpec): RequestSpec => {
    const endUser = END_USERS[sent % END_USERS.length] ?? "";
    const body = JSON.stringify(target.body(endUser, sent));
    sent += 1;
    return {
      ...request,
      headers: { ...target.headers, "idempotency-key": randomUUID() },
      body,
    };
  };

  const instance = autocannon({
    url: target.url,
    connections: options.connections,
    overallRate: options.rate,
    amount: options.rate * options.seconds,
    timeout: 30,
    requests: [
      {
        method: "POST",
        path: target.path,
        headers: target.headers,
        setupRequest,
      },
    ],
  });
  // autocannon 9's histogram corrects for coordinated omission with an
  // expected interval of Math.ceil(1 / rate) ms, 1 ms here, which adds
  // made-up samples, so the report uses the raw response times.
  instance.on("response", (_client, _status, _bytes, responseTime) => {
    latenciesMs.push(responseTime);
  });
  const result = await instance;
  return { result, sent, latenciesMs };
}

/** Builds the start body Heron receives, with the load's sequence number. */
export function heronStartBody(endUserHeronId: string, index: number) {
  return {
    end_user_heron_id: endUserHeronId,
    workflow_name: WORKFLOW_NAME,
    workflow_parameters: { bench_sequence: index },
  };
}

/** Returns the nearest-rank percentile `p` (0-100) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}
