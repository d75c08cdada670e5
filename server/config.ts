import { z } from "zod";

// The only module that reads the environment. main.ts passes process.env in,
// so tests can pass any plain object.

export const LOG_LEVELS = [
  "fatal",
  "error",
  "warn",
  "info",
  "debug",
  "trace",
  "silent",
] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  heron: {
    /** null runs the console against the built-in Heron sandbox. */
    apiKey: string | null;
    baseUrl: string;
    timeoutMs: number;
  };
  host: string;
  port: number;
  databasePath: string;
  /** Maximum size in bytes of the workflow_parameters JSON sent to Heron. */
  maxParametersBytes: number;
  logLevel: LogLevel;
  runs: {
    /**
     * Minutes during which a started, sending or unknown run blocks a new
     * start of the same end user and workflow without allow_duplicate. 0 turns
     * the check off.
     */
    duplicateWindowMinutes: number;
    /** Delays after a run becomes unknown at which it is checked at Heron. */
    reconcileDelaysMs: readonly number[];
  };
  /** How long shutdown waits for starts in flight before it records them. */
  shutdownGraceMs: number;
  directory: {
    /** Minutes between refreshes of the end-user directory; 0 turns them off. */
    refreshMinutes: number;
    /** Share of Heron's list-end-users rate limit the sync may use, 0 to 1. */
    rateShare: number;
    /** End users per page of the sync, at most Heron's 10,000. */
    pageSize: number;
  };
  sandbox: {
    port: number;
    /** Milliseconds between the sandbox's execution steps, null for default. */
    executionStepMs: number | null;
    /** End users the sandbox seeds, null for its default of 240. */
    endUsers: number | null;
  };
}

export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(
      "The environment is not a valid configuration:\n" +
        problems.map((problem) => `  - ${problem}`).join("\n"),
    );
    this.name = "ConfigError";
    this.problems = problems;
  }
}

const HERON_API_KEY_PATTERN = /^key_[0-9a-f]{48}$/i;

function wholeNumber(min: number, max: number, unit: string) {
  const expected = `expected a whole number of ${unit} from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d+$/, { error: expected })
    .transform(Number)
    .pipe(
      z.number().min(min, { error: expected }).max(max, { error: expected }),
    );
}

const baseUrlSchema = z.string().transform((text, context) => {
  const expected =
    "expected an http:// or https:// URL without credentials, query or " +
    "fragment, such as https://app.herondata.io";
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    context.addIssue({ code: "custom", message: expected });
    return z.NEVER;
  }
  const plain =
    (url.protocol === "http:" || url.protocol === "https:") &&
    url.username === "" &&
    url.password === "" &&
    url.search === "" &&
    url.hash === "";
  if (!plain) {
    context.addIssue({ code: "custom", message: expected });
    return z.NEVER;
  }
  return url.origin + url.pathname.replace(/\/+$/, "");
});

function fraction(min: number, max: number) {
  const expected = `expected a decimal number from ${min} to ${max}, such as 0.5`;
  return z
    .string()
    .regex(/^\d+(\.\d+)?$/, { error: expected })
    .transform(Number)
    .pipe(
      z.number().min(min, { error: expected }).max(max, { error: expected }),
    );
}

const MAX_RECONCILE_DELAYS = 10;

const delayListSchema = z.string().transform((text, context) => {
  const expected =
    `expected off, or up to ${MAX_RECONCILE_DELAYS} comma-separated whole ` +
    "numbers of milliseconds from 0 to 86400000, such as 3000,30000";
  if (text === "off") return [];
  const parts = text.split(",").map((part) => part.trim());
  const delays = parts.map(Number);
  const valid =
    parts.length <= MAX_RECONCILE_DELAYS &&
    parts.every((part) => /^\d+$/.test(part)) &&
    delays.every((delay) => delay <= 86_400_000);
  if (!valid) {
    context.addIssue({ code: "custom", message: expected });
    return z.NEVER;
  }
  return delays;
});

const EnvSchema = z.object({
  HERON_API_KEY: z
    .string()
    .regex(HERON_API_KEY_PATTERN, {
      error:
        'expected "key_" followed by 48 hexadecimal characters, as shown ' +
        "when the key is created in Heron's dashboard. Unset it to use the " +
        "built-in sandbox",
    })
    .optional(),
  HERON_BASE_URL: baseUrlSchema.default("https://app.herondata.io"),
  HOST: z.string().default("127.0.0.1"),
  PORT: wholeNumber(0, 65535, "a TCP port").default(3000),
  DATABASE_PATH: z.string().default("./data/console.sqlite"),
  HERON_TIMEOUT_MS: wholeNumber(100, 120_000, "milliseconds").default(15_000),
  MAX_PARAMETERS_BYTES: wholeNumber(2, 10_485_760, "bytes").default(65_536),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(", ")}` })
    .default("info"),
  DUPLICATE_WINDOW_MINUTES: wholeNumber(0, 1440, "minutes").default(10),
  RECONCILE_DELAYS_MS: delayListSchema.default([3000, 30_000]),
  SHUTDOWN_GRACE_MS: wholeNumber(0, 600_000, "milliseconds").default(10_000),
  DIRECTORY_REFRESH_MINUTES: wholeNumber(0, 1440, "minutes").default(15),
  DIRECTORY_RATE_SHARE: fraction(0.01, 1).default(0.5),
  DIRECTORY_PAGE_SIZE: wholeNumber(1, 10_000, "end users").default(5000),
  SANDBOX_PORT: wholeNumber(0, 65535, "a TCP port").default(0),
  SANDBOX_EXECUTION_STEP_MS: wholeNumber(0, 600_000, "milliseconds").optional(),
  SANDBOX_END_USERS: wholeNumber(1, 1_000_000, "end users").optional(),
});

type EnvName = keyof typeof EnvSchema.shape;

// Variables whose values must never appear in an error message or log.
const SECRET_NAMES: ReadonlySet<string> = new Set(["HERON_API_KEY"]);

/**
 * Parses the console's variables from `env` and returns a frozen Config.
 * An empty or blank variable counts as unset. Throws ConfigError listing every
 * invalid variable at once.
 */
export function loadConfig(
  env: Record<string, string | undefined>,
): Readonly<Config> {
  const input: Partial<Record<EnvName, string>> = {};
  for (const name of Object.keys(EnvSchema.shape) as EnvName[]) {
    const value = env[name]?.trim();
    if (value) input[name] = value;
  }

  const parsed = EnvSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const value = SECRET_NAMES.has(name)
        ? `(${input[name as EnvName]?.length ?? 0} characters, not shown)`
        : JSON.stringify(input[name as EnvName]);
      return `${name} is ${value}: ${issue.message}.`;
    });
    throw new ConfigError(problems);
  }

  const vars = parsed.data;
  return deepFreeze({
    heron: {
      apiKey: vars.HERON_API_KEY ?? null,
      baseUrl: vars.HERON_BASE_URL,
      timeoutMs: vars.HERON_TIMEOUT_MS,
    },
    host: vars.HOST,
    port: vars.PORT,
    databasePath: vars.DATABASE_PATH,
    maxParametersBytes: vars.MAX_PARAMETERS_BYTES,
    logLevel: vars.LOG_LEVEL,
    runs: {
      duplicateWindowMinutes: vars.DUPLICATE_WINDOW_MINUTES,
      reconcileDelaysMs: vars.RECONCILE_DELAYS_MS,
    },
    shutdownGraceMs: vars.SHUTDOWN_GRACE_MS,
    directory: {
      refreshMinutes: vars.DIRECTORY_REFRESH_MINUTES,
      rateShare: vars.DIRECTORY_RATE_SHARE,
      pageSize: vars.DIRECTORY_PAGE_SIZE,
    },
    sandbox: {
      port: vars.SANDBOX_PORT,
      executionStepMs: vars.SANDBOX_EXECUTION_STEP_MS ?? null,
      endUsers: vars.SANDBOX_END_USERS ?? null,
    },
  });
}

function deepFreeze<T extends object>(value: T): Readonly<T> {
  for (const child of Object.values(value)) {
    if (typeof child === "object" && child !== null) deepFreeze(child);
  }
  return Object.freeze(value);
}
