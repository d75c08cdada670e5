import express, { type Request, type Response } from "express";
import { applyFault } from "./apply-fault.js";
import { enforceRateLimit } from "./enforce-rate-limit.js";
import { sendEnvelope } from "./envelope.js";
import { OPERATION_ROUTES } from "./operations.js";
import { tagOperation } from "./record-request.js";
import { requireApiKey } from "./require-api-key.js";
import type { SandboxState } from "./sandbox-state.js";

/**
 * Builds the router for Heron's API. A request to an operation passes through
 * tagging, the fault, the key check and the rate limit before its handler.
 * Paths match case-sensitively, and a trailing slash makes an unknown path.
 */
export function createApiRouter(state: SandboxState): express.Router {
  const router = express.Router({ caseSensitive: true, strict: true });

  for (const route of OPERATION_ROUTES) {
    router[route.method](
      route.path,
      tagOperation(route.operation),
      applyFault(state),
      ...(route.requiresKey ? [requireApiKey(state)] : []),
      enforceRateLimit(state, route.operation),
      route.handler(state),
    );
  }

  const allowedMethods = new Map<string, string[]>();
  for (const route of OPERATION_ROUTES) {
    const methods = allowedMethods.get(route.path) ?? [];
    methods.push(route.method.toUpperCase());
    if (route.method === "get") methods.push("HEAD");
    allowedMethods.set(route.path, methods);
  }
  for (const [path, methods] of allowedMethods) {
    router.all(path, applyFault(state), (req: Request, res: Response) => {
      res.set("allow", methods.join(", "));
      sendEnvelope(
        res,
        405,
        `The method ${req.method} is not allowed for ${req.path}. Use ${methods.join(" or ")}.`,
      );
    });
  }

  router.use(applyFault(state), (req: Request, res: Response) => {
    sendEnvelope(
      res,
      404,
      `No Heron API route matches ${req.path}. Check the path against Heron's API reference.`,
    );
  });
  return router;
}
