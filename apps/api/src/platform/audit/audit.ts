import { insertColumns, type Tx } from '../db/database.js';
import type { Ctx } from '../http/context.js';

/**
 * Append an audit record in the same transaction as the write it describes, so that a write
 * without its record (or the other way round) cannot happen.
 */
type AuditCtx = Pick<Ctx, 'requestId'> & {
  actor: { personId: string } | null;
  municipality: { id: string } | null;
};

export async function audit(
  tx: Tx,
  ctx: AuditCtx,
  action: string,
  target: string | null = null,
  details: Record<string, unknown> = {},
): Promise<void> {
  await auditEach(tx, [{ ctx, action, target, details }]);
}

/** Several audit records in one statement (one per request of a batch). */
export async function auditEach(
  tx: Tx,
  events: { ctx: AuditCtx; action: string; target: string | null; details: object }[],
): Promise<void> {
  if (events.length === 0) return;
  // One short statement however many records.
  await insertColumns(tx, 'audit_events', {
    municipality_id: ['uuid', events.map((e) => e.ctx.municipality?.id ?? null)],
    actor_person_id: ['uuid', events.map((e) => e.ctx.actor?.personId ?? null)],
    action: ['text', events.map((e) => e.action)],
    target: ['text', events.map((e) => e.target)],
    request_id: ['text', events.map((e) => e.ctx.requestId)],
    details: ['jsonb', events.map((e) => JSON.stringify(e.details))],
  });
}
