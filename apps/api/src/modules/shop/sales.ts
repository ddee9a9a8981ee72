import { sql } from 'kysely';
import { inTenant } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { requireRole, type Ctx } from '../../platform/http/context.js';
import { checkReportPeriod, csvEuros, csvNumber, csvText, toCsv } from '../../platform/http/csv.js';
import { TIME_ZONE } from '../../platform/i18n/time.js';

/** Who may read sales and receivables, and mark invoices paid: the finance work of the shop. */
export const SALES_ROLES = ['admin', 'facility_admin'] as const;

export interface SaleLine {
  paidAt: Date;
  orderId: string;
  buyer: string;
  /** The product sold; for a booking, the facility's hourly-price product. */
  productId: string | null;
  product: string;
  quantity: number;
  unitPriceCents: number;
  vatRateBp: number;
  netCents: number;
  vatCents: number;
  totalCents: number;
}

/**
 * Paid order lines of a period (local dates, inclusive), for the finance office: what was
 * sold, to whom, at which VAT rate. Reading buyers' names is a read of personal data, so it
 * is audited.
 */
export async function salesLines(ctx: Ctx, from: string, to: string): Promise<SaleLine[]> {
  requireRole(ctx, ...SALES_ROLES);
  checkReportPeriod(from, to);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const rows = await sql<SaleLine>`
      select o.paid_at as "paidAt", o.id as "orderId", coalesce(g.name, p.name) as buyer,
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
      where o.status = 'paid'
        and (o.paid_at at time zone ${TIME_ZONE})::date between ${from}::date and ${to}::date
      order by o.paid_at, o.id, l.name`.execute(tx);
    await audit(tx, ctx, 'report.sales', null, { from, to, lines: rows.rows.length });
    return rows.rows;
  });
}

/** The sales lines as CSV for the financial system. */
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
    ],
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
    String(l.quantity),
    csvEuros(l.unitPriceCents),
    csvNumber(l.vatRateBp / 100),
    csvEuros(l.netCents),
    csvEuros(l.vatCents),
    csvEuros(l.totalCents),
  ]);
  return toCsv(headers, rows);
}
