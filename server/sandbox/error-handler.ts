import type { NextFunction, Request, Response } from "express";
import { sendControlError } from "./control-router.js";
import { sendEnvelope } from "./envelope.js";
import type { SandboxState } from "./sandbox-state.js";

/**
 * Sends the response for errors thrown by any step: an oversized body (413),
 * a path value that is not valid percent-encoding (400), and anything else
 * (500, logged). Control routes get {"error"} and Heron's routes get the
 * envelope.
 */
export function handleErrors(state: SandboxState) {
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = clientErrorStatus(error);
    if (status === undefined) {
      state.logger.error({ err: error, path: req.path }, "request failed");
    }
    const message =
      status === undefined
        ? "The sandbox failed to handle the request; see its log."
        : (error as Error).message;

    if (req.originalUrl.startsWith("/__sandbox/")) {
      sendControlError(res, status ?? 500, message);
    } else {
      sendEnvelope(res, status ?? 500, message);
    }
  };
}

/** Returns the 4xx status set by Express or the body reader, if any. */
function clientErrorStatus(error: unknown): number | undefined {
  if (!(error instanceof Error) || !("status" in error)) return undefined;
  const { status } = error;
  return typeof status === "number" && status >= 400 && status < 500
    ? status
    : undefined;
}
