import { z } from "zod";

import {
  checkTimeRange,
  historyFilterShape,
  historyOffsetPageShape,
  historySortShape,
  RunHistoryQuerySchema,
  type RunHistoryPage,
} from "../contract/history.js";
import type { RunList } from "../contract/runs.js";
import { ApiError } from "../errors.js";
import { parseInput } from "../http/parse-input.js";
import { readRuns } from "../runs/database-errors.js";
import type { RunStore } from "../store/run-store.js";
import { decodeCursor, encodeCursor } from "./history-cursor.js";

// GET /api/runs returns one of two shapes. A query with page or page_size
// gets the older offset page with a total; any other gets a keyset page.

const OffsetQuerySchema = z
  .strictObject({
    ...historyFilterShape,
    ...historySortShape,
    ...historyOffsetPageShape,
  })
  .superRefine(checkTimeRange);

/** Returns the page of the run history a GET /api/runs query requests. */
export function listRunHistory(
  store: RunStore,
  query: Record<string, unknown>,
): Promise<RunHistoryPage | RunList> {
  return "page" in query || "page_size" in query
    ? listByOffset(store, query)
    : listByKeyset(store, query);
}

async function listByKeyset(
  store: RunStore,
  input: unknown,
): Promise<RunHistoryPage> {
  const query = parseInput(RunHistoryQuerySchema, input, "run list query");
  const { cursor, limit, sort, order, ...filters } = query;
  const after = cursor ? decodeCursor(cursor, { sort, order }) : null;

  const { runs, next } = await readRuns(() =>
    store.listRunHistory({ filters, sort: { sort, order }, after, limit }),
  );
  return {
    runs,
    next_cursor: next ? encodeCursor({ sort, order }, next) : null,
  };
}

async function listByOffset(
  store: RunStore,
  input: Record<string, unknown>,
): Promise<RunList> {
  rejectMixedPaging(input);
  const query = parseInput(OffsetQuerySchema, input, "run list query");
  const { page, page_size, sort, order, ...filters } = query;

  const { runs, total } = await readRuns(() =>
    store.listRunHistoryByOffset({
      filters,
      sort: { sort, order },
      offset: (page - 1) * page_size,
      limit: page_size,
    }),
  );
  return { runs, page, page_size, total };
}

/**
 * Throws ApiError 400 when an offset query also carries the keyset page's
 * cursor or limit, which would otherwise read as unknown parameters.
 */
function rejectMixedPaging(query: Record<string, unknown>): void {
  const offsetNames = ["page", "page_size"].filter((name) => name in query);
  const keysetNames = ["cursor", "limit"].filter((name) => name in query);
  if (keysetNames.length === 0) return;

  const fields: Record<string, string[]> = {};
  for (const name of keysetNames) {
    fields[name] = [
      `${name} cannot be used together with ${offsetNames.join(" or ")}. ` +
        "Page with cursor and limit, or with page and page_size, not both.",
    ];
  }
  throw new ApiError(
    400,
    "validation_failed",
    `The run list query mixes two kinds of paging: ${keysetNames.join(", ")} ` +
      `with ${offsetNames.join(", ")}. Send cursor and limit, or page and ` +
      "page_size, not both.",
    { fields },
  );
}
