import type { NextFunction, Request, Response } from "express";
import { buildEnvelope, reasonPhrase } from "./envelope.js";
import { currentRecord } from "./record-request.js";
import { delay, type SandboxState } from "./sandbox-state.js";
import type { FaultSpec } from "./types.js";

/** The start of a plausible start response, cut off mid-value. */
const MALFORMED_JSON = '{"action": "started", "status": "pend';

/**
 * Applies the fault set for the recorded request's operation, if any. Runs
 * before authentication, so a fault imitates trouble in front of Heron's
 * application, such as a proxy or the network.
 */
export function applyFault(state: SandboxState) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const record = currentRecord(res);
    const fault = state.faults.take(record.operation);
    if (!fault) return next();

    state.logger.info(
      { operation: record.operation, path: record.path, fault },
      "fault applied",
    );
    if (fault.latencyMs) await delay(state, fault.latencyMs);

    // A hung socket stays open until the client or close() ends it.
    if (fault.hang) return;
    if (fault.closeAfterRead) {
      req.socket.destroy();
      return;
    }
    if (fault.malformedJson) {
      res.status(200).type("application/json").send(MALFORMED_JSON);
      return;
    }
    if (fault.respond) {
      sendFaultResponse(res, fault.respond);
      return;
    }
    next();
  };
}

function sendFaultResponse(
  res: Response,
  respond: NonNullable<FaultSpec["respond"]>,
): void {
  const { status, format, description } = respond;
  if (format === "envelope") {
    res
      .status(status)
      .json(buildEnvelope(status, description ?? reasonPhrase(status)));
    return;
  }
  res.status(status).type("text/html").send(htmlErrorPage(status, description));
}

/** A bare error page like those a load balancer or proxy returns. */
function htmlErrorPage(status: number, description: unknown): string {
  const title = escapeHtml(`${status} ${reasonPhrase(status)}`);
  let detail = "";
  if (description !== undefined) {
    const text =
      typeof description === "string"
        ? description
        : JSON.stringify(description);
    detail = `<p>${escapeHtml(text)}</p>`;
  }
  return `<html><head><title>${title}</title></head><body><h1>${title}</h1>${detail}</body></html>\n`;
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}
