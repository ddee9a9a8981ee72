import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.js';

/**
 * The one rule for paying an order by invoice (issue 3: "to residents where allowed, and to
 * associations and companies"): an order bought for an organisation may always be invoiced,
 * to the organisation. A person's order only when every line allows it: a product line when
 * its product does (`invoice_allowed`); a booking when the facility's hourly-price product
 * does; a course seat when the course's fee product does.
 */
export async function orderMayBeInvoiced(tx: Tx, orderId: string): Promise<boolean> {
  const result = await sql<{ lines: number; refused: number }>`
    select count(*)::int as lines,
           count(*) filter (where not coalesce(p.invoice_allowed, false)
                              and o.organisation_id is null)::int as refused
    from order_lines l
    join orders o on o.id = l.order_id
    left join reservations r on r.id = l.reservation_id
    left join resources s on s.id = r.resource_id
    left join course_registrations g on g.id = l.registration_id
    left join courses c on c.id = g.course_id
    left join products p on p.id = coalesce(l.product_id, s.price_product_id, c.price_product_id)
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
