import type { NextFunction, Request, Response } from "express";
import { sendEnvelope } from "./envelope.js";
import type { SandboxState } from "./sandbox-state.js";
import type { SandboxOperation } from "./types.js";

/**
 * Counts the request against its operation's window and sets Heron's
 * x-ratelimit-* headers. Runs after authentication, because Heron counts per
 * customer, so 401 responses carry no rate-limit headers.
 */
export function enforceRateLimit(
  state: SandboxState,
  operation: SandboxOperation,
) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const decision = state.limiter.hit(operation, Date.now());
    res.set({
      "x-ratelimit-limit": String(decision.limit),
      "x-ratelimit-remaining": String(decision.remaining),
      "x-ratelimit-reset": String(decision.resetAtSeconds),
    });

    // No Retry-After header: Heron documents only the x-ratelimit-* headers,
    // so clients must not come to depend on one here.
    if (!decision.allowed) {
      sendEnvelope(res, 429, decision.description);
      return;
    }
    next();
  };
}
