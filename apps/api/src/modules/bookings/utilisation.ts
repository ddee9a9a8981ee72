import { sql } from 'kysely';
import { inTenant } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { requireRole, type Ctx } from '../../platform/http/context.js';
import { checkReportPeriod, csvNumber, csvText, toCsv } from '../../platform/http/csv.js';

/**
 * The utilisation report: how much of the open time of each facility was booked. The
 * municipality's basic problem is expensive facilities standing empty; this is the number
 * to improve. Open time is split into hour cells (local time); a cell's booked minutes are
 * its overlap with confirmed bookings, its blocked minutes the overlap with staff blocks.
 */
interface CellRow {
  resource_id: string;
  weekday: number;
  hour: number;
  open_minutes: number;
  booked_minutes: number;
  blocked_minutes: number;
}

export async function utilisationReport(ctx: Ctx, from: string, to: string, resourceId?: string) {
  requireRole(ctx, 'facility_admin', 'admin');
  checkReportPeriod(from, to);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const cells = await sql<CellRow>`
      with open as (
        select r.id as resource_id, o.opens_at, o.closes_at
        from resources r, lateral resource_open_intervals(r.id, ${from}::date, ${to}::date) o
        where r.active and (${resourceId ?? null}::uuid is null or r.id = ${resourceId ?? null}::uuid)
      ),
      cells as (
        select o.resource_id,
               tstzrange(greatest(h, o.opens_at), least(h + interval '1 hour', o.closes_at)) as cell
        from open o,
             lateral generate_series(date_trunc('hour', o.opens_at), o.closes_at - interval '1 microsecond',
                                     interval '1 hour') as h
      ),
      measured as (
        select c.resource_id, c.cell,
          coalesce((select sum(extract(epoch from upper(c.cell * r.during) - lower(c.cell * r.during)))
                    from reservations r
                    where r.resource_id = c.resource_id and r.status = 'confirmed' and r.kind = 'booking'
                      and r.during && c.cell), 0) / 60 as booked_minutes,
          coalesce((select sum(extract(epoch from upper(c.cell * r.during) - lower(c.cell * r.during)))
                    from reservations r
                    where r.resource_id = c.resource_id and r.status = 'confirmed' and r.kind = 'block'
                      and r.during && c.cell), 0) / 60 as blocked_minutes
        from cells c
      )
      select resource_id,
             extract(isodow from lower(cell) at time zone 'Europe/Helsinki')::int as weekday,
             extract(hour from lower(cell) at time zone 'Europe/Helsinki')::int as hour,
             sum(extract(epoch from upper(cell) - lower(cell)) / 60)::float8 as open_minutes,
             sum(booked_minutes)::float8 as booked_minutes,
             sum(blocked_minutes)::float8 as blocked_minutes
      from measured group by 1, 2, 3`.execute(tx);
    const resources = await tx
      .selectFrom('resources')
      .select(['id', 'name_fi', 'name_sv', 'name_en'])
      .where('active', '=', true)
      .orderBy('name_fi')
      .execute();
    const rows = cells.rows;
    const rate = (booked: number, open: number, blocked: number) =>
      open - blocked > 0 ? Math.round((booked / (open - blocked)) * 1000) / 1000 : null;
    const sum = (list: CellRow[], key: 'open_minutes' | 'booked_minutes' | 'blocked_minutes') =>
      list.reduce((total, row) => total + Number(row[key]), 0);
    const perResource = resources
      .filter((r) => !resourceId || r.id === resourceId)
      .map((r) => {
        const own = rows.filter((row) => row.resource_id === r.id);
        const [open, booked, blocked] = [
          sum(own, 'open_minutes'),
          sum(own, 'booked_minutes'),
          sum(own, 'blocked_minutes'),
        ];
        return {
          resourceId: r.id,
          name: { fi: r.name_fi, sv: r.name_sv, en: r.name_en },
          openHours: open / 60,
          bookedHours: booked / 60,
          blockedHours: blocked / 60,
          utilisation: rate(booked, open, blocked),
        };
      });
    const heatmap = new Map<
      string,
      { weekday: number; hour: number; open: number; booked: number; blocked: number }
    >();
    for (const row of rows) {
      const key = `${row.weekday}:${row.hour}`;
      const cell = heatmap.get(key) ?? {
        weekday: row.weekday,
        hour: row.hour,
        open: 0,
        booked: 0,
        blocked: 0,
      };
      cell.open += Number(row.open_minutes);
      cell.booked += Number(row.booked_minutes);
      cell.blocked += Number(row.blocked_minutes);
      heatmap.set(key, cell);
    }
    await audit(tx, ctx, 'report.utilisation', null, { from, to, resourceId: resourceId ?? null });
    return {
      from,
      to,
      resources: perResource,
      heatmap: [...heatmap.values()]
        .sort((a, b) => a.weekday - b.weekday || a.hour - b.hour)
        .map((c) => ({
          weekday: c.weekday,
          hour: c.hour,
          openHours: c.open / 60,
          bookedHours: c.booked / 60,
          utilisation: rate(c.booked, c.open, c.blocked),
        })),
    };
  });
}

type Report = Awaited<ReturnType<typeof utilisationReport>>;

/** The report as CSV for a spreadsheet. */
export function utilisationCsv(report: Report, language: 'fi' | 'sv' | 'en'): string {
  const headers = {
    fi: ['Tila', 'Auki (h)', 'Varattu (h)', 'Suljettu käytöltä (h)', 'Käyttöaste (%)'],
    sv: ['Lokal', 'Öppen (h)', 'Bokad (h)', 'Spärrad (h)', 'Användningsgrad (%)'],
    en: ['Facility', 'Open (h)', 'Booked (h)', 'Blocked (h)', 'Utilisation (%)'],
  }[language];
  const rows = report.resources.map((r) => [
    csvText(r.name[language]),
    csvNumber(r.openHours),
    csvNumber(r.bookedHours),
    csvNumber(r.blockedHours),
    csvNumber(r.utilisation === null ? null : r.utilisation * 100),
  ]);
  return toCsv(headers, rows);
}
