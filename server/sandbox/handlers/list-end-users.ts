import type { Request, Response } from "express";
import { sendValidationErrors } from "../envelope.js";
import type { ListEndUsersResponse } from "../heron-types.js";
import type { SandboxState } from "../sandbox-state.js";
import { filterEndUsers, toListedEndUser } from "./end-user-search.js";
import { parseEndUsersQuery } from "./end-users-query.js";

/**
 * GET /api/end_users. next_url and prev_url are relative URLs (path and
 * query) that repeat the request's parameters with another page. They are
 * left out when there is no such page, because Heron's contract types them
 * as strings that cannot be null.
 */
export function listEndUsers(state: SandboxState) {
  return (req: Request, res: Response): void => respond(state, req, res);
}

function respond(state: SandboxState, req: Request, res: Response): void {
  const params = new URL(req.originalUrl, "http://sandbox.invalid")
    .searchParams;
  const parsed = parseEndUsersQuery(params);
  if (!parsed.ok) {
    sendValidationErrors(res, "querystring", parsed.errors);
    return;
  }
  const { query } = parsed;

  const matches = filterEndUsers(state.endUsers.sorted(query.order_by), query);
  const pages = Math.ceil(matches.length / query.limit);
  const start = (query.page - 1) * query.limit;
  const pageUrl = (page: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(page));
    return `${req.path}?${next.toString()}`;
  };

  const body: ListEndUsersResponse = {
    _meta: {
      limit: query.limit,
      page: query.page,
      pages,
      total: matches.length,
      ...(query.page < pages ? { next_url: pageUrl(query.page + 1) } : {}),
      ...(query.page > 1 ? { prev_url: pageUrl(query.page - 1) } : {}),
    },
    end_users: matches
      .slice(start, start + query.limit)
      .map((user) => toListedEndUser(user, query)),
  };
  res.json(body);
}
