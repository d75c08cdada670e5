import { pino, type Logger } from "pino";
import { z } from "zod";
import { EndUserStore } from "./end-user-store.js";
import { ExecutionStore } from "./execution-store.js";
import { describeIssues } from "./fault-schema.js";
import { FaultStore } from "./fault-store.js";
import { FixedWindowRateLimiter } from "./rate-limiter.js";
import { RequestRecorder } from "./recorder.js";
import {
  SANDBOX_OPERATIONS,
  type RateLimit,
  type SandboxOperation,
  type SandboxOptions,
} from "./types.js";

/** Heron's documented example limit: 100 requests per minute. */
const DEFAULT_RATE_LIMIT: RateLimit = { limit: 100, windowSeconds: 60 };
const DEFAULT_EXECUTION_STEP_MS = 2000;

const RateLimitSchema = z.strictObject({
  limit: z.number().int().min(1),
  windowSeconds: z.number().int().min(1),
});

const OptionsSchema = z.object({
  apiKey: z.string().min(1, "apiKey must not be empty."),
  rateLimits: z
    .partialRecord(z.enum(SANDBOX_OPERATIONS), RateLimitSchema)
    .optional(),
  executionStepMs: z.number().int().min(0).optional(),
  endUsers: z.number().int().min(1).max(1_000_000).optional(),
  quiet: z.boolean().optional(),
});

/** Everything one sandbox app owns; control routes and handlers share it. */
export interface SandboxState {
  apiKey: string;
  executionStepMs: number;
  recorder: RequestRecorder;
  faults: FaultStore;
  limiter: FixedWindowRateLimiter;
  executions: ExecutionStore;
  endUsers: EndUserStore;
  timers: Set<NodeJS.Timeout>;
  logger: Logger;
}

/** Validates the options and builds a fresh state; throws when invalid. */
export function createSandboxState(options: SandboxOptions): SandboxState {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new Error(`Invalid sandbox options: ${describeIssues(parsed.error)}`);
  }
  const {
    apiKey,
    rateLimits = {},
    executionStepMs,
    endUsers,
    quiet,
  } = parsed.data;

  const limits = Object.fromEntries(
    SANDBOX_OPERATIONS.map((operation) => [
      operation,
      rateLimits[operation] ?? DEFAULT_RATE_LIMIT,
    ]),
  ) as Record<SandboxOperation, RateLimit>;

  return {
    apiKey,
    executionStepMs: executionStepMs ?? DEFAULT_EXECUTION_STEP_MS,
    recorder: new RequestRecorder(),
    faults: new FaultStore(),
    limiter: new FixedWindowRateLimiter(limits),
    executions: new ExecutionStore(),
    endUsers: new EndUserStore(endUsers),
    timers: new Set(),
    logger: pino({ name: "heron-sandbox", enabled: quiet !== true }),
  };
}

/** Resolves after ms, unless the sandbox is disposed first. */
export function delay(state: SandboxState, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      state.timers.delete(timer);
      resolve();
    }, ms);
    state.timers.add(timer);
  });
}

/** Cancels pending delays, so a closed sandbox keeps no timers alive. */
export function disposeSandboxState(state: SandboxState): void {
  for (const timer of state.timers) clearTimeout(timer);
  state.timers.clear();
}
