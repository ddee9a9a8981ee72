import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.js';
import type { Language } from '../../platform/i18n/messages.js';
import { TIME_ZONE } from '../../platform/i18n/time.js';

/** A line as a receipt or an invoice prints it, with the amounts frozen on the order. */
export interface DocumentLine {
  name: string;
  quantity: number;
  unitPriceCents: number;
  vatRateBp: number;
  totalCents: number;
  vatCents: number;
}

/** "Tyrskylän liikuntahalli: tiistai 18.00–20.00 (3.2.2027–12.5.2027)" */
function seasonName(
  language: Language,
  resource: string,
  first: { start: Date; end: Date },
  lastStart: Date,
) {
  const format = (options: Intl.DateTimeFormatOptions, at: Date) =>
    new Intl.DateTimeFormat(language, { ...options, timeZone: TIME_ZONE }).format(at);
  const time = { timeStyle: 'short' } as const;
  const date = { dateStyle: 'short' } as const;
  return (
    `${resource}: ${format({ weekday: 'long' }, first.start)} ` +
    `${format(time, first.start)}–${format(time, first.end)} ` +
    `(${format(date, first.start)}–${format(date, lastStart)})`
  );
}

/**
 * The lines of an order for a receipt or an invoice. Each week of a season is its own order
 * line (so that a cancelled week is refunded or credited on its own), but on paper a season
 * is one line: its weeks as the quantity, with the summed amounts exactly as stored, so the
 * totals and the VAT on paper are those of the order to the cent.
 */
export async function invoiceLines(
  tx: Tx,
  orderId: string,
  language: Language,
): Promise<DocumentLine[]> {
  const rows = await tx
    .selectFrom('order_lines')
    .leftJoin('reservations', 'reservations.id', 'order_lines.reservation_id')
    .leftJoin('resources', 'resources.id', 'reservations.resource_id')
    .select([
      'order_lines.name',
      'order_lines.quantity',
      'order_lines.unit_price_cents',
      'order_lines.vat_rate_bp',
      'order_lines.total_cents',
      'order_lines.vat_cents',
      'reservations.series_id',
      sql<Date | null>`lower(reservations.during)`.as('start'),
      sql<Date | null>`upper(reservations.during)`.as('end'),
      'resources.name_fi',
      'resources.name_sv',
      'resources.name_en',
    ])
    .where('order_lines.order_id', '=', orderId)
    .orderBy(sql`lower(reservations.during) nulls first`)
    .orderBy('order_lines.name')
    .execute();
  const lines: DocumentLine[] = [];
  const seasons = new Map<string, { line: DocumentLine; rows: typeof rows }>();
  for (const row of rows) {
    const line: DocumentLine = {
      name: row.name,
      quantity: row.quantity,
      unitPriceCents: row.unit_price_cents,
      vatRateBp: row.vat_rate_bp,
      totalCents: row.total_cents,
      vatCents: row.vat_cents,
    };
    // Weeks of a season with the same price and VAT become one line.
    const key = row.series_id && `${row.series_id}:${row.unit_price_cents}:${row.vat_rate_bp}`;
    const season = key ? seasons.get(key) : undefined;
    if (!key) {
      lines.push(line);
    } else if (!season) {
      seasons.set(key, { line, rows: [row] });
      lines.push(line);
    } else {
      season.rows.push(row);
      season.line.quantity += row.quantity;
      season.line.totalCents += row.total_cents;
      season.line.vatCents += row.vat_cents;
    }
  }
  for (const { line, rows: weeks } of seasons.values()) {
    if (weeks.length < 2) continue;
    const first = weeks[0]!;
    const resource = { fi: first.name_fi!, sv: first.name_sv!, en: first.name_en! }[language];
    line.name = seasonName(
      language,
      resource,
      { start: first.start!, end: first.end! },
      weeks.at(-1)!.start!,
    );
  }
  return lines;
}
