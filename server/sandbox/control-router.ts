import express, { type Request, type Response } from "express";
import { describeIssues, FaultSpecSchema } from "./fault-schema.js";
import { parseEndUserChange } from "./end-user-change.js";
import { readRawBody } from "./read-raw-body.js";
import type { SandboxState } from "./sandbox-state.js";
import {
  SANDBOX_OPERATIONS,
  type RecordedRequest,
  type SandboxControl,
} from "./types.js";

/** A recorded request as GET /__sandbox/requests lists it. */
export interface RecordedRequestJson extends Omit<RecordedRequest, "body"> {
  body_text: string;
  body_base64: string;
}

/**
 * Builds the routes tests use to steer the sandbox, mounted at /__sandbox.
 * They need no key, are neither recorded nor rate limited, and return
 * errors as {"error": message}.
 */
export function createControlRouter(
  state: SandboxState,
  control: SandboxControl,
): express.Router {
  const router = express.Router({ caseSensitive: true, strict: true });

  router.post("/faults", async (req: Request, res: Response) => {
    const body = await readRawBody(req);
    let input: unknown;
    try {
      input = JSON.parse(body.toString("utf8"));
    } catch {
      sendControlError(
        res,
        400,
        'The fault must be a JSON object, such as {"operation":"start_by_name","hang":true}.',
      );
      return;
    }

    const result = FaultSpecSchema.safeParse(input);
    if (!result.success) {
      sendControlError(
        res,
        400,
        `Invalid fault: ${describeIssues(result.error)}`,
      );
      return;
    }
    control.setFault(result.data);
    res.status(204).end();
  });

  router.delete("/faults", (_req: Request, res: Response) => {
    control.clearFaults();
    res.status(204).end();
  });

  router.get("/requests", (req: Request, res: Response) => {
    const operation = new URL(
      req.originalUrl,
      "http://sandbox.invalid",
    ).searchParams.get("operation");
    if (
      operation !== null &&
      !SANDBOX_OPERATIONS.some((known) => known === operation)
    ) {
      sendControlError(
        res,
        400,
        `Unknown operation ${JSON.stringify(operation)}. Use one of ${SANDBOX_OPERATIONS.join(", ")}.`,
      );
      return;
    }

    const requests = state.recorder
      .list()
      .filter((entry) => operation === null || entry.operation === operation)
      .map(toRecordedRequestJson);
    res.json(requests);
  });

  router.delete("/requests", (_req: Request, res: Response) => {
    control.clearRequests();
    res.status(204).end();
  });

  router.post("/end-users/:heron_id", async (req: Request, res: Response) => {
    const body = await readRawBody(req);
    const change = parseEndUserChange(body.toString("utf8"));
    if (typeof change === "string") {
      sendControlError(res, 400, change);
      return;
    }
    const heronId = String(req.params.heron_id);
    const changed = control.updateEndUser(heronId, change);
    if (!changed) {
      sendControlError(
        res,
        404,
        `No end user has heron_id ${heronId}. Use a heron_id from GET /api/end_users.`,
      );
      return;
    }
    res.json(changed);
  });

  router.delete("/end-users/:heron_id", (req: Request, res: Response) => {
    const heronId = String(req.params.heron_id);
    if (!control.removeEndUser(heronId)) {
      sendControlError(
        res,
        404,
        `No end user has heron_id ${heronId}. Use a heron_id from GET /api/end_users.`,
      );
      return;
    }
    res.status(204).end();
  });

  router.post("/reset", (_req: Request, res: Response) => {
    control.reset();
    res.status(204).end();
  });

  router.use((req: Request, res: Response) => {
    sendControlError(
      res,
      404,
      `No sandbox control route for ${req.method} ${req.originalUrl}. ` +
        "Use /__sandbox/faults, /__sandbox/requests, /__sandbox/end-users " +
        "or /__sandbox/reset.",
    );
  });
  return router;
}

export function sendControlError(
  res: Response,
  status: number,
  message: string,
): void {
  res.status(status).json({ error: message });
}

function toRecordedRequestJson(entry: RecordedRequest): RecordedRequestJson {
  const { body, ...rest } = entry;
  return {
    ...rest,
    body_text: body.toString("utf8"),
    body_base64: body.toString("base64"),
  };
}
