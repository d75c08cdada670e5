import type { NextFunction, Request, Response } from "express";
import { readRawBody } from "./read-raw-body.js";
import type { SandboxState } from "./sandbox-state.js";
import type { RecordedRequest, SandboxOperation } from "./types.js";

/**
 * Reads the raw body, records the request before any other step can respond,
 * and logs one line when the response is sent. Later steps parse JSON
 * from the recorded bytes, which stay the only copy of the body.
 */
export function recordRequest(state: SandboxState) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const startedMs = Date.now();
    const body = await readRawBody(req);
    const record: RecordedRequest = {
      method: req.method,
      path: req.originalUrl.split("?")[0] ?? "",
      url: req.originalUrl,
      operation: null,
      headers: { ...req.headers },
      body,
      receivedAt: new Date(startedMs).toISOString(),
    };
    state.recorder.add(record);
    res.locals.record = record;

    res.on("finish", () => {
      state.logger.info(
        {
          method: record.method,
          path: record.path,
          operation: record.operation,
          status: res.statusCode,
          ms: Date.now() - startedMs,
        },
        "request",
      );
    });
    next();
  };
}

/** Returns the record that recordRequest made for this request. */
export function currentRecord(res: Response): RecordedRequest {
  const record: unknown = res.locals.record;
  if (!record) throw new Error("recordRequest must run before this step.");
  return record as RecordedRequest;
}

/** Marks the recorded request with the operation its route serves. */
export function tagOperation(operation: SandboxOperation) {
  return (_req: Request, res: Response, next: NextFunction) => {
    currentRecord(res).operation = operation;
    next();
  };
}
