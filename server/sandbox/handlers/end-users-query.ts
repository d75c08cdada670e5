import {
  END_USER_ORDERS,
  END_USER_STATUSES,
  type EndUserOrder,
  type EndUserStatus,
} from "../heron-types.js";
import {
  MESSAGES,
  oneOfMessage,
  parseBoolean,
  parseInteger,
  rangeMessage,
} from "./field-rules.js";

export interface EndUsersQuery {
  heron_id?: string;
  end_user_id?: string;
  name?: string;
  status?: EndUserStatus;
  is_portfolio?: boolean;
  page: number;
  limit: number;
  order_by: EndUserOrder;
  include_data_sources: boolean;
  include_scorecard_metrics: boolean;
  include_tags: boolean;
}

export type QueryParseResult =
  | { ok: true; query: EndUsersQuery }
  | { ok: false; errors: Record<string, string[]> };

const MAX_LIMIT = 10_000;

/**
 * Validates GET /api/end_users query parameters against Heron's contract.
 * A repeated parameter counts once, by its first value, and unknown
 * parameters are ignored.
 */
export function parseEndUsersQuery(params: URLSearchParams): QueryParseResult {
  const errors: Record<string, string[]> = {};
  const fail = (field: string, message: string) => {
    errors[field] = [message];
    return undefined;
  };
  const text = (field: string) => params.get(field) ?? undefined;

  const integer = (field: string, fallback: number, max?: number) => {
    const raw = text(field);
    if (raw === undefined) return fallback;
    const value = parseInteger(raw);
    if (value === undefined) return fail(field, MESSAGES.notInteger);
    if (value < 1 || (max !== undefined && value > max)) {
      return fail(field, rangeMessage(1, max));
    }
    return value;
  };

  const boolean = (field: string) => {
    const raw = text(field);
    if (raw === undefined) return undefined;
    return parseBoolean(raw) ?? fail(field, MESSAGES.notBoolean);
  };

  const choice = <T extends string>(field: string, choices: readonly T[]) => {
    const raw = text(field);
    if (raw === undefined) return undefined;
    return (
      choices.find((item) => item === raw) ?? fail(field, oneOfMessage(choices))
    );
  };

  const query = {
    heron_id: text("heron_id"),
    end_user_id: text("end_user_id"),
    name: text("name"),
    status: choice("status", END_USER_STATUSES),
    is_portfolio: boolean("is_portfolio"),
    page: integer("page", 1),
    limit: integer("limit", 1000, MAX_LIMIT),
    order_by: choice("order_by", END_USER_ORDERS) ?? "last_updated_desc",
    include_data_sources: boolean("include_data_sources") ?? false,
    include_scorecard_metrics: boolean("include_scorecard_metrics") ?? false,
    include_tags: boolean("include_tags") ?? false,
  };

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // Every undefined page or limit came with an entry in errors.
  return {
    ok: true,
    query: { ...query, page: query.page ?? 1, limit: query.limit ?? 1000 },
  };
}
