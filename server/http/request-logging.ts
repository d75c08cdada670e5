import type { IncomingMessage, ServerResponse } from "node:http";

import { pinoHttp, type HttpLogger } from "pino-http";

import type { Logger } from "../logger.js";
import { chooseRequestId, REQUEST_ID_HEADER } from "./request-id.js";

/**
 * Creates the middleware that gives each request an id, echoes it in the
 * x-request-id response header and logs one line when the response ends:
 * method, path, status, milliseconds and request id. Query strings, headers
 * and bodies are left out because they can contain customer data.
 */
export function createRequestLogging(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const id = chooseRequestId(req);
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    // Bound to req.log, so every line logged for the request carries it.
    customProps: (req) => ({ requestId: req.id }),
    customAttributeKeys: { responseTime: "ms" },
    serializers: {
      req: (req: { method: string; url: string }) => ({
        method: req.method,
        path: req.url.split("?")[0],
      }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    customLogLevel(_req, res, error) {
      if (error || res.statusCode >= 500) return "error";
      if (res.statusCode >= 400) return "warn";
      return "info";
    },
    customSuccessMessage: () => "request completed",
    // The error middleware has already logged the error with its stack, so
    // the response line carries no second, synthetic "failed with status
    // code 500" error.
    customErrorMessage: () => "request completed",
    customErrorObject: (_req, _res, _error, loggable) => {
      const { err: _synthetic, ...line } = loggable as Record<string, unknown>;
      return line;
    },
  });
}
