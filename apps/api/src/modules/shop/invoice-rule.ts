import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.js';

/**
 * The one rule for paying an order by invoice: every line of the order must allow it. A
 * product line allows it when its product does (`invoice_allowed`). A line of another kind
 * (a booking, a course seat) must add its own condition here; until it does, a line without a
 * product that allows invoicing makes the whole order online-only, which is the safe default.
 */
export async function orderMayBeInvoiced(tx: Tx, orderId: string): Promise<boolean> {
  const result = await sql<{ lines: number; refused: number }>`
    select count(*)::int as lines,
           count(*) filter (where not coalesce(p.invoice_allowed, false))::int as refused
    from order_lines l
    left join products p on p.id = l.product_id
    where l.order_id = ${orderId}`.execute(tx);
  const { lines, refused } = result.rows[0]!;
  return lines > 0 && refused === 0;
}

/** Whether a cart may be invoiced now: the rule above, and the municipality invoices at all. */
export async function cartMayBeInvoiced(tx: Tx, orderId: string): Promise<boolean> {
  const settings = await tx
    .selectFrom('invoice_settings')
    .select('municipality_id')
    .executeTakeFirst();
  return Boolean(settings) && (await orderMayBeInvoiced(tx, orderId));
}
