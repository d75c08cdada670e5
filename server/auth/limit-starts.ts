import type { RequestHandler } from "express";

import { ApiError } from "../errors.js";
import { authServicesOf } from "./auth-services.js";
import { signedInUser } from "./sessions.js";

/**
 * Rejects a start with 429 too_many_starts when the user has sent their
 * START_RATE_LIMIT_PER_SECOND start requests of the last second. It runs
 * before the body is read, so a rejected start records no run and calls no
 * Heron.
 */
export function limitStarts(): RequestHandler {
  return async (req, _res, next) => {
    const { startLimiter } = authServicesOf(req);
    const waitMs = await startLimiter.take(signedInUser(req).id);
    if (waitMs === 0) return next();

    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    const perSecond = startLimiter.perSecond;
    // The count includes starts later rejected, such as duplicates, so the
    // message speaks of requests sent rather than workflows started.
    throw new ApiError(
      429,
      "too_many_starts",
      `You sent more than ${perSecond} start ` +
        `request${perSecond === 1 ? "" : "s"} in the last second, the most ` +
        `allowed per person. Wait ${seconds} ` +
        `second${seconds === 1 ? "" : "s"} and start it again.`,
      { retryAfterSeconds: seconds },
    );
  };
}
