import type { Request, Response } from "express";
import { sendEnvelope } from "../envelope.js";
import type { GetEndUserResponse } from "../heron-types.js";
import type { SeedEndUser } from "../seed/end-users.js";
import type { SandboxState } from "../sandbox-state.js";

/**
 * GET /api/end_users/{end_user_id_or_heron_id}. Express has percent-decoded
 * the path value once. A heron_id match wins over an end_user_id match. The
 * response contains the full record, include_* fields and all.
 */
export function getEndUser(state: SandboxState) {
  return (req: Request, res: Response): void => {
    const id = String(req.params.end_user_id_or_heron_id);
    respond(res, state.endUsers.find(id));
  };
}

function respond(res: Response, user: SeedEndUser | undefined): void {
  if (!user) {
    sendEnvelope(res, 404, "End user not found");
    return;
  }
  const body: GetEndUserResponse = { end_user: user };
  res.json(body);
}
