import { pino, type DestinationStream, type Logger } from "pino";

import type { LogLevel } from "./config.js";

export type { Logger } from "pino";

// Field names whose values are secrets. They are redacted at the top level
// and up to two levels below it, as in `{ config: { heron: { apiKey } } }`.
const SECRET_FIELD_NAMES = [
  "apiKey",
  "api_key",
  "key",
  "password",
  "password_hash",
  "token",
  "csrf_token",
  "csrfToken",
  "cookie",
  "clientSecret",
];

const REDACT_PATHS = [
  'req.headers["x-api-key"]',
  'req.headers["x-csrf-token"]',
  "req.headers.cookie",
  "req.headers.authorization",
  'res.headers["set-cookie"]',
  ...SECRET_FIELD_NAMES.flatMap((name) => [name, `*.${name}`, `*.*.${name}`]),
];

export interface LoggerOptions {
  level: LogLevel;
  /** Destination for log lines, standard output when absent. */
  destination?: DestinationStream;
}

/** Creates the console's pino logger with secrets redacted. */
export function createLogger({ level, destination }: LoggerOptions): Logger {
  const options = {
    level,
    base: { service: "heron-workflow-console" },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
  };
  return destination ? pino(options, destination) : pino(options);
}
