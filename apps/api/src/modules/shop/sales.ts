import { sql } from 'kysely';
import { inTenant } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { requireRole, type Ctx } from '../../platform/http/context.js';
import { checkReportPeriod, csvEuros, csvNumber, csvText, toCsv } from '../../platform/http/csv.js';
import { TIME_ZONE } from '../../platform/i18n/time.js';
import { lineAmounts } from './money.js';

/** Who may read sales and receivables, and mark invoices paid: the finance work of the shop. */
export const SALES_ROLES = ['admin', 'facility_admin'] as const;

export interface SaleLine {
  /** sale: a paid order line; refund: money given back; credit: taken off an unpaid invoice. */
  kind: 'sale' | 'refund' | 'credit';
  /** The order line's id, or the refund's: unique within a report. */
  lineId: string;
  /** When the money moved: the order's payment, or the refund. */
  paidAt: Date;
  orderId: string;
  buyer: string;
  /** The product sold; for a booking, the facility's hourly-price product. */
  productId: string | null;
  product: string;
  /** null for a refund or credit: it gives back an amount, not units. */
  quantity: number | null;
  unitPriceCents: number | null;
  vatRateBp: number;
  netCents: number;
  vatCents: number;
  totalCents: number;
}

/**
 * The money of a period (local dates, inclusive), for the finance office: paid order lines,
 * and, as negative lines, what was given back. A refund counts on the day it was decided; a
 * credit lowered an invoice before it was paid, so it counts with that payment (a fully
 * credited invoice is never paid and shows nothing). A refund or credit carries the VAT rate
 * of the line it gives back, so the VAT of the period nets out exactly. Reading buyers' names
 * is a read of personal data, so it is audited.
 */
export async function salesLines(ctx: Ctx, from: string, to: string): Promise<SaleLine[]> {
  requireRole(ctx, ...SALES_ROLES);
  checkReportPeriod(from, to);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const inPeriod = (at: ReturnType<typeof sql>) =>
      sql`(${at} at time zone ${TIME_ZONE})::date between ${from}::date and ${to}::date`;
    const sales = await sql<SaleLine>`
      select 'sale' as kind, l.id as "lineId", o.paid_at as "paidAt", o.id as "orderId",
             coalesce(g.name, p.name) as buyer,
             coalesce(l.product_id, s.price_product_id) as "productId",
             l.name as product, l.quantity, l.unit_price_cents as "unitPriceCents",
             l.vat_rate_bp as "vatRateBp", l.total_cents - l.vat_cents as "netCents",
             l.vat_cents as "vatCents", l.total_cents as "totalCents"
      from orders o
      join order_lines l on l.order_id = o.id
      join people p on p.id = o.person_id
      -- An organisation's purchase is the organisation's (it was invoiced to it).
      left join organisations g on g.id = o.organisation_id
      left join reservations r on r.id = l.reservation_id
      left join resources s on s.id = r.resource_id
      where o.status = 'paid' and ${inPeriod(sql`o.paid_at`)}`.execute(tx);
    const givenBack = await sql<
      Omit<
        SaleLine,
        'kind' | 'quantity' | 'unitPriceCents' | 'netCents' | 'vatCents' | 'totalCents'
      > & {
        kind: 'refund' | 'credit';
        amountCents: number;
      }
    >`
      select f.kind, f.id as "lineId",
             case when f.kind = 'credit' then o.paid_at else f.created_at end as "paidAt",
             o.id as "orderId", coalesce(g.name, p.name) as buyer,
             coalesce(l.product_id, s.price_product_id) as "productId", l.name as product,
             l.vat_rate_bp as "vatRateBp", f.amount_cents as "amountCents"
      from refunds f
      join orders o on o.id = f.order_id
      join people p on p.id = o.person_id
      left join organisations g on g.id = o.organisation_id
      -- The line given back: the booking's or the seat's; an order-wide refund takes the
      -- order's largest line.
      join lateral (
        select ol.* from order_lines ol
        where ol.order_id = o.id
          and (ol.reservation_id = f.reservation_id or ol.registration_id = f.registration_id
               or (f.reservation_id is null and f.registration_id is null))
        order by ol.total_cents desc, ol.id
        limit 1) l on true
      left join reservations r on r.id = l.reservation_id
      left join resources s on s.id = r.resource_id
      where f.status <> 'failed'
        and ((f.kind = 'refund' and ${inPeriod(sql`f.created_at`)})
          or (f.kind = 'credit' and o.status = 'paid' and ${inPeriod(sql`o.paid_at`)}))`.execute(
      tx,
    );
    const lines: SaleLine[] = [
      ...sales.rows,
      ...givenBack.rows.map(({ amountCents, ...row }) => {
        const { vatCents, netCents } = lineAmounts({
          unitPriceCents: amountCents,
          quantity: 1,
          vatRateBp: row.vatRateBp,
        });
        return {
          ...row,
          quantity: null,
          unitPriceCents: null,
          netCents: -netCents,
          vatCents: -vatCents,
          totalCents: -amountCents,
        };
      }),
    ].sort(
      (a, b) =>
        a.paidAt.getTime() - b.paidAt.getTime() ||
        a.orderId.localeCompare(b.orderId) ||
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        a.product.localeCompare(b.product),
    );
    await audit(tx, ctx, 'report.sales', null, { from, to, lines: lines.length });
    return lines;
  });
}

const KIND_ORDER = { sale: 0, credit: 1, refund: 2 } as const;

/** The sales lines as CSV for the financial system (refunds and credits negative). */
export function salesCsv(lines: SaleLine[], language: 'fi' | 'sv' | 'en'): string {
  const headers = {
    fi: [
      'Maksettu',
      'Tilaus',
      'Ostaja',
      'Tuote',
      'Määrä',
      'Yksikköhinta',
      'ALV %',
      'Veroton',
      'ALV',
      'Yhteensä',
      'Laji',
    ],
    sv: [
      'Betald',
      'Beställning',
      'Köpare',
      'Produkt',
      'Antal',
      'Styckpris',
      'Moms %',
      'Exkl. moms',
      'Moms',
      'Totalt',
      'Typ',
    ],
    en: [
      'Paid',
      'Order',
      'Buyer',
      'Product',
      'Quantity',
      'Unit price',
      'VAT %',
      'Net',
      'VAT',
      'Total',
      'Type',
    ],
  }[language];
  const kinds = {
    fi: { sale: 'Myynti', refund: 'Palautus', credit: 'Hyvitys' },
    sv: { sale: 'Försäljning', refund: 'Återbetalning', credit: 'Kreditering' },
    en: { sale: 'Sale', refund: 'Refund', credit: 'Credit' },
  }[language];
  const time = new Intl.DateTimeFormat('sv-SE', {
    timeZone: TIME_ZONE,
    dateStyle: 'short',
    timeStyle: 'short',
  });
  const rows = lines.map((l) => [
    time.format(l.paidAt),
    l.orderId,
    csvText(l.buyer),
    csvText(l.product),
    l.quantity === null ? '' : String(l.quantity),
    l.unitPriceCents === null ? '' : csvEuros(l.unitPriceCents),
    csvNumber(l.vatRateBp / 100),
    csvEuros(l.netCents),
    csvEuros(l.vatCents),
    csvEuros(l.totalCents),
    kinds[l.kind],
  ]);
  return toCsv(headers, rows);
}
