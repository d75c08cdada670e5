import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

export const REQUEST_ID_HEADER = "x-request-id";

// Letters, digits and a few separators cover UUIDs, ULIDs and trace ids, and
// keep log lines and the header sent on to Heron free of injected text.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Returns the caller's x-request-id when it is safe to reuse, else a UUID. */
export function chooseRequestId(req: IncomingMessage): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  if (typeof incoming === "string" && SAFE_REQUEST_ID.test(incoming)) {
    return incoming;
  }
  return randomUUID();
}

/** Returns the id pino-http assigned to the request. */
export function requestIdOf(req: IncomingMessage): string {
  return String(req.id);
}
