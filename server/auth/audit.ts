import type { Request } from "express";

import type { NewAuditEvent } from "../store/account-store.js";
import { authServicesOf } from "./auth-services.js";
import { requestIdOf } from "../http/request-id.js";
import { currentUser } from "./sessions.js";

const USER_AGENT_MAX = 500;

/** Returns the request's user agent, cut to at most 500 characters. */
export function userAgentOf(req: Request): string | null {
  const agent = req.get("user-agent");
  return agent ? agent.slice(0, USER_AGENT_MAX) : null;
}

/**
 * Returns the client's address. Behind a trusted proxy (TRUST_PROXY) it
 * comes from X-Forwarded-For.
 */
export function sourceAddressOf(req: Request): string | null {
  return req.ip ?? null;
}

/** Returns who made the request and from where, for an audit event. */
export function auditOrigin(req: Request): Omit<NewAuditEvent, "kind"> {
  const user = currentUser(req);
  return {
    actor_user_id: user?.id ?? null,
    actor_email: user?.email ?? null,
    source_address: sourceAddressOf(req),
    user_agent: userAgentOf(req),
  };
}

/**
 * Writes an audit event for the request. A failure is logged, not thrown:
 * the action it records has already happened.
 */
export async function recordAudit(
  req: Request,
  event: NewAuditEvent,
): Promise<void> {
  const { accounts, logger } = authServicesOf(req);
  try {
    await accounts.recordAudit({ ...auditOrigin(req), ...event });
  } catch (error) {
    logger.error(
      { err: error, kind: event.kind, requestId: requestIdOf(req) },
      "writing an audit event failed",
    );
  }
}
