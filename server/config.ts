import { isIP } from "node:net";

import { z } from "zod";

import { ROLES, type Role } from "./contract/auth.js";

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
    /** Whether a start must give a reason or ticket. */
    requireReason: boolean;
    /** Starts each staff member may make per second. */
    startRateLimitPerSecond: number;
  };
  /** How long shutdown waits for starts in flight before it records them. */
  shutdownGraceMs: number;
  directory: {
    /** Minutes between refreshes of the end-user directory; 0 turns them off. */
    refreshMinutes: number;
    /**
     * Hours between full syncs of the end-user directory, which find the
     * users Heron deleted; 0 turns them off after the first.
     */
    fullSyncHours: number;
    /** Share of Heron's list-end-users rate limit the sync may use, 0 to 1. */
    rateShare: number;
    /** End users per page of the sync, at most Heron's 10,000. */
    pageSize: number;
  };
  auth: AuthConfig;
  /** null when single sign-on is not configured. */
  oidc: OidcConfig | null;
  sandbox: {
    port: number;
    /** Milliseconds between the sandbox's execution steps, null for default. */
    executionStepMs: number | null;
    /** End users the sandbox seeds, null for its default of 240. */
    endUsers: number | null;
  };
}

export interface AuthConfig {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Express's "trust proxy" value: which proxies' X-Forwarded-* to trust. */
  trustProxy: boolean | number | string[];
  /** Failed sign-ins allowed per lock window before 429. */
  signInFailuresPerAccount: number;
  signInFailuresPerAddress: number;
  signInLockMinutes: number;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  /** The callback URL registered at the provider. */
  redirectUrl: string;
  /** Text of the sign-in button. */
  label: string;
  /** The ID token or userinfo claim that lists the person's groups. */
  roleClaim: string;
  /** Console role of each group name. */
  roleMap: Readonly<Record<string, Role>>;
  /** Allows an http:// issuer, for providers started on loopback in tests. */
  allowHttp: boolean;
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

const flagSchema = z
  .enum(["true", "false"], { error: "expected true or false" })
  .transform((text) => text === "true");

const PROXY_NAMES = ["loopback", "linklocal", "uniquelocal"];

const trustProxySchema = z.string().transform((text, context) => {
  if (text === "false") return false;
  if (text === "true") return true;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(",").map((part) => part.trim());
  const valid = entries.every((entry) => {
    const [address = "", prefix, extra] = entry.split("/");
    if (PROXY_NAMES.includes(entry)) return true;
    return (
      isIP(address) !== 0 &&
      extra === undefined &&
      (prefix === undefined || /^\d{1,3}$/.test(prefix))
    );
  });
  if (!valid) {
    context.addIssue({
      code: "custom",
      message:
        "expected false, true, a number of proxy hops, or comma-separated " +
        `addresses, subnets or ${PROXY_NAMES.join(", ")}, such as loopback`,
    });
    return z.NEVER;
  }
  return entries;
});

const roleMapSchema = z.string().transform((text, context) => {
  const map: Record<string, Role> = {};
  for (const pair of text.split(",")) {
    const [group = "", role = ""] = pair.split("=").map((part) => part.trim());
    if (!group || !(ROLES as readonly string[]).includes(role)) {
      context.addIssue({
        code: "custom",
        message:
          "expected comma-separated group=role pairs with roles " +
          `${ROLES.join(", ")}, such as heron-console-admins=admin`,
      });
      return z.NEVER;
    }
    map[group] = role as Role;
  }
  return map;
});

const DEFAULT_ROLE_MAP =
  "heron-console-admins=admin,heron-console-operators=operator," +
  "heron-console-viewers=viewer";

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
  DIRECTORY_FULL_SYNC_HOURS: wholeNumber(0, 168, "hours").default(24),
  DIRECTORY_RATE_SHARE: fraction(0.01, 1).default(0.5),
  DIRECTORY_PAGE_SIZE: wholeNumber(1, 10_000, "end users").default(5000),
  SANDBOX_PORT: wholeNumber(0, 65535, "a TCP port").default(0),
  SANDBOX_EXECUTION_STEP_MS: wholeNumber(0, 600_000, "milliseconds").optional(),
  SANDBOX_END_USERS: wholeNumber(1, 1_000_000, "end users").optional(),
  SESSION_IDLE_MINUTES: wholeNumber(1, 10_080, "minutes").default(60),
  SESSION_MAX_HOURS: wholeNumber(1, 720, "hours").default(12),
  TRUST_PROXY: trustProxySchema.default(false),
  REQUIRE_RUN_REASON: flagSchema.default(false),
  START_RATE_LIMIT_PER_SECOND: wholeNumber(1, 100_000, "starts").default(3),
  SIGN_IN_FAILURES_PER_ACCOUNT: wholeNumber(1, 1000, "attempts").default(5),
  SIGN_IN_FAILURES_PER_ADDRESS: wholeNumber(1, 10_000, "attempts").default(20),
  SIGN_IN_LOCK_MINUTES: wholeNumber(1, 1440, "minutes").default(15),
  OIDC_ISSUER: baseUrlSchema.optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z
    .string()
    .max(1000, { error: "expected at most 1000 characters" })
    .optional(),
  OIDC_REDIRECT_URL: baseUrlSchema.optional(),
  OIDC_LABEL: z
    .string()
    .max(60, { error: "expected at most 60 characters" })
    .default("Single sign-on"),
  OIDC_ROLE_CLAIM: z.string().default("groups"),
  OIDC_ROLE_MAP: roleMapSchema.default(() =>
    roleMapSchema.parse(DEFAULT_ROLE_MAP),
  ),
  OIDC_ALLOW_HTTP: flagSchema.default(false),
});

type EnvName = keyof typeof EnvSchema.shape;

// Variables whose values must never appear in an error message or log.
const SECRET_NAMES: ReadonlySet<string> = new Set([
  "HERON_API_KEY",
  "OIDC_CLIENT_SECRET",
]);

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
  const oidc = readOidcConfig(vars);
  if (typeof oidc === "string") throw new ConfigError([oidc]);

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
      requireReason: vars.REQUIRE_RUN_REASON,
      startRateLimitPerSecond: vars.START_RATE_LIMIT_PER_SECOND,
    },
    shutdownGraceMs: vars.SHUTDOWN_GRACE_MS,
    directory: {
      refreshMinutes: vars.DIRECTORY_REFRESH_MINUTES,
      fullSyncHours: vars.DIRECTORY_FULL_SYNC_HOURS,
      rateShare: vars.DIRECTORY_RATE_SHARE,
      pageSize: vars.DIRECTORY_PAGE_SIZE,
    },
    auth: {
      sessionIdleMinutes: vars.SESSION_IDLE_MINUTES,
      sessionMaxHours: vars.SESSION_MAX_HOURS,
      trustProxy: vars.TRUST_PROXY,
      signInFailuresPerAccount: vars.SIGN_IN_FAILURES_PER_ACCOUNT,
      signInFailuresPerAddress: vars.SIGN_IN_FAILURES_PER_ADDRESS,
      signInLockMinutes: vars.SIGN_IN_LOCK_MINUTES,
    },
    oidc,
    sandbox: {
      port: vars.SANDBOX_PORT,
      executionStepMs: vars.SANDBOX_EXECUTION_STEP_MS ?? null,
      endUsers: vars.SANDBOX_END_USERS ?? null,
    },
  });
}

type EnvVars = z.infer<typeof EnvSchema>;

/** Returns the OIDC settings, null when unset, or a problem to report. */
function readOidcConfig(vars: EnvVars): OidcConfig | null | string {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId } = vars;
  if (issuer === undefined && clientId === undefined) return null;
  if (issuer === undefined || clientId === undefined) {
    const missing = issuer === undefined ? "OIDC_ISSUER" : "OIDC_CLIENT_ID";
    return (
      `${missing} is not set: single sign-on needs both OIDC_ISSUER and ` +
      "OIDC_CLIENT_ID. Set it, or unset the other to turn single sign-on off."
    );
  }
  if (!issuer.startsWith("https://") && !vars.OIDC_ALLOW_HTTP) {
    return (
      `OIDC_ISSUER is ${JSON.stringify(issuer)}: expected an https:// URL. ` +
      "OIDC_ALLOW_HTTP=true allows http:// for a provider on loopback in tests."
    );
  }
  const origin = formatOrigin(vars.HOST, vars.PORT);
  return {
    issuer,
    clientId,
    clientSecret: vars.OIDC_CLIENT_SECRET ?? null,
    redirectUrl: vars.OIDC_REDIRECT_URL ?? `${origin}/api/auth/oidc/callback`,
    label: vars.OIDC_LABEL,
    roleClaim: vars.OIDC_ROLE_CLAIM,
    roleMap: vars.OIDC_ROLE_MAP,
    allowHttp: vars.OIDC_ALLOW_HTTP,
  };
}

function formatOrigin(host: string, port: number): string {
  return host.includes(":")
    ? `http://[${host}]:${port}`
    : `http://${host}:${port}`;
}

function deepFreeze<T extends object>(value: T): Readonly<T> {
  for (const child of Object.values(value)) {
    if (typeof child === "object" && child !== null) deepFreeze(child);
  }
  return Object.freeze(value);
}
