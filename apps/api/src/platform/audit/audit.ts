import type { Tx } from '../db/database.js';
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
  await tx
    .insertInto('audit_events')
    .values(
      events.map(({ ctx, action, target, details }) => ({
        municipality_id: ctx.municipality?.id ?? null,
        actor_person_id: ctx.actor?.personId ?? null,
        action,
        target,
        request_id: ctx.requestId,
        details: JSON.stringify(details),
      })),
    )
    .execute();
}
