import type { Tx } from '../db/database.js';
import type { Ctx } from '../http/context.js';

/**
 * Append an audit record in the same transaction as the write it describes, so that a write
 * without its record (or the other way round) cannot happen.
 */
export async function audit(
  tx: Tx,
  ctx: Pick<Ctx, 'requestId'> & {
    actor: { personId: string } | null;
    municipality: { id: string } | null;
  },
  action: string,
  target: string | null = null,
  details: Record<string, unknown> = {},
): Promise<void> {
  await tx
    .insertInto('audit_events')
    .values({
      municipality_id: ctx.municipality?.id ?? null,
      actor_person_id: ctx.actor?.personId ?? null,
      action,
      target,
      request_id: ctx.requestId,
      details: JSON.stringify(details),
    })
    .execute();
}
