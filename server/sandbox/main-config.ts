import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { RateLimit } from "./types.js";

const RATE_LIMIT_PATTERN = /^(\d+)\/(\d+)$/;

const EnvSchema = z.object({
  SANDBOX_HOST: z.string().min(1).default("127.0.0.1"),
  SANDBOX_PORT: z.coerce
    .number({ error: "must be a port number, such as 4010." })
    .int()
    .min(0)
    .max(65_535)
    .default(4010),
  SANDBOX_API_KEY: z.string().min(1).optional(),
  SANDBOX_RATE_LIMIT: z
    .string()
    .regex(RATE_LIMIT_PATTERN, {
      error: 'must be requests/seconds, such as "100/60" for 100 per minute.',
    })
    .refine((text) => !/^0+\/|\/0+$/.test(text), {
      error: "must allow at least 1 request in at least 1 second.",
    })
    .optional(),
  SANDBOX_EXECUTION_STEP_MS: z.coerce
    .number({
      error: "must be a whole number of milliseconds.",
    })
    .int()
    .min(0)
    .optional(),
  SANDBOX_END_USERS: z.coerce
    .number({ error: "must be a whole number of end users, such as 200000." })
    .int({ error: "must be a whole number of end users, such as 200000." })
    .min(1, { error: "must be at least 1." })
    .max(1_000_000, { error: "must be at most 1000000." })
    .optional(),
});

export interface SandboxMainConfig {
  host: string;
  port: number;
  apiKey: string;
  /** True when no SANDBOX_API_KEY was set and a random key was made. */
  apiKeyGenerated: boolean;
  rateLimit?: RateLimit;
  executionStepMs?: number;
  /** End users to seed; unset keeps the default 240. */
  endUsers?: number;
}

/**
 * Reads the standalone sandbox's settings from the environment and throws
 * one Error that lists every invalid variable.
 */
export function readSandboxConfig(env: NodeJS.ProcessEnv): SandboxMainConfig {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new Error(`Invalid sandbox environment:\n  ${problems.join("\n  ")}`);
  }
  const parsed = result.data;

  return Object.freeze({
    host: parsed.SANDBOX_HOST,
    port: parsed.SANDBOX_PORT,
    apiKey: parsed.SANDBOX_API_KEY ?? generateApiKey(),
    apiKeyGenerated: parsed.SANDBOX_API_KEY === undefined,
    rateLimit: parseRateLimit(parsed.SANDBOX_RATE_LIMIT),
    executionStepMs: parsed.SANDBOX_EXECUTION_STEP_MS,
    endUsers: parsed.SANDBOX_END_USERS,
  });
}

/** Generates a key in Heron's format: "key_" and 48 hexadecimal characters. */
function generateApiKey(): string {
  return `key_${randomBytes(24).toString("hex")}`;
}

function parseRateLimit(text: string | undefined): RateLimit | undefined {
  const match = text === undefined ? null : RATE_LIMIT_PATTERN.exec(text);
  if (!match) return undefined;
  return { limit: Number(match[1]), windowSeconds: Number(match[2]) };
}
