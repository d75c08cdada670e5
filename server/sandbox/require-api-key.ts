import type { NextFunction, Request, Response } from "express";
import { sendEnvelope } from "./envelope.js";
import type { SandboxState } from "./sandbox-state.js";

/** Rejects with Heron's 401 envelope unless x-api-key is the sandbox's key. */
export function requireApiKey(state: SandboxState) {
  return (req: Request, res: Response, next: NextFunction) => {
    const key = req.headers["x-api-key"];
    if (key === undefined || key === "") {
      sendEnvelope(
        res,
        401,
        "The x-api-key header is missing. Send your Heron API key in it.",
      );
      return;
    }
    if (key !== state.apiKey) {
      sendEnvelope(
        res,
        401,
        "The API key in x-api-key is not valid. Check that it is the key for this environment.",
      );
      return;
    }
    next();
  };
}
