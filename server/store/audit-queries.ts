import type { Kysely, Selectable, Transaction } from "kysely";

import type { AuditEvent, AuditEventKind } from "../contract/auth.js";
import type { AuditEventsTable, DatabaseSchema } from "./schema.js";

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

export interface AuditClock {
  now: () => Date;
  nextId: (nowMs: number) => string;
}

export interface NewAuditEvent {
  kind: AuditEventKind;
  actor_user_id?: string | null;
  actor_email?: string | null;
  target_user_id?: string | null;
  source_address?: string | null;
  user_agent?: string | null;
  detail?: Record<string, unknown> | null;
}

export async function insertAuditEvent(
  db: Db,
  { now, nextId }: AuditClock,
  event: NewAuditEvent,
): Promise<void> {
  const at = now();
  await db
    .insertInto("audit_events")
    .values({
      id: nextId(at.getTime()),
      at: at.toISOString(),
      kind: event.kind,
      actor_user_id: event.actor_user_id ?? null,
      actor_email: event.actor_email ?? null,
      target_user_id: event.target_user_id ?? null,
      source_address: event.source_address ?? null,
      user_agent: event.user_agent ?? null,
      detail: event.detail ? JSON.stringify(event.detail) : null,
    })
    .execute();
}

export interface AuditPageQuery {
  before: string | null;
  limit: number;
  /** Only events of this kind. */
  kind?: AuditEventKind | undefined;
  /** Only events this account caused or that changed it. */
  accountId?: string | undefined;
}

/**
 * Lists events newest first, `limit` at a time. Ids grow with time, so the
 * last id of a page is the cursor of the next one.
 */
export async function listAuditEvents(
  db: Db,
  { before, limit, kind, accountId }: AuditPageQuery,
): Promise<{ events: AuditEvent[]; nextBefore: string | null }> {
  let query = db.selectFrom("audit_events").selectAll();
  if (before !== null) query = query.where("id", "<", before);
  if (kind !== undefined) query = query.where("kind", "=", kind);
  if (accountId !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb("actor_user_id", "=", accountId),
        eb("target_user_id", "=", accountId),
      ]),
    );
  }
  const rows = await query
    .orderBy("id", "desc")
    .limit(limit + 1)
    .execute();

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    events: page.map(toAuditEvent),
    nextBefore: rows.length > limit && last ? last.id : null,
  };
}

function toAuditEvent(row: Selectable<AuditEventsTable>): AuditEvent {
  return {
    ...row,
    detail: row.detail
      ? (JSON.parse(row.detail) as Record<string, unknown>)
      : null,
  };
}
