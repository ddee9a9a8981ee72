import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { inTenant } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { forbidden } from '../../platform/http/errors.js';
import { requireUser, type Ctx } from '../../platform/http/context.js';
import { localDate } from '../../platform/i18n/time.js';
import { translate } from '../../platform/i18n/messages.js';
import { EXPORT_ONLY, HEADERS, IMPORT_FIELDS } from './import.columns.js';
import { canModerate } from './ideas.js';
import { clockState } from './timebox.js';

/**
 * The portfolio as a spreadsheet, with the headers the import reads, so an exported file
 * imports again (into another municipality, or after editing in Excel).
 */

const COLUMNS = [...IMPORT_FIELDS, ...EXPORT_ONLY];
type Column = (typeof COLUMNS)[number];

export async function exportRows(ctx: Ctx) {
  requireUser(ctx);
  if (!canModerate(ctx)) throw forbidden();
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const rows = await tx
      .selectFrom('portfolio_ideas as i')
      .leftJoin('people as o', 'o.id', 'i.owner_id')
      .leftJoin('portfolio_experiments as e', 'e.idea_id', 'i.id')
      .select((eb) => [
        'i.title',
        'i.problem',
        'i.proposal',
        'i.target_groups',
        'i.departments',
        'i.themes',
        'i.stage',
        'o.email as owner_email',
        'i.timebox_days',
        'i.goal',
        'i.results',
        'e.decided_at',
        'e.declare_by',
        'e.declared_at',
        sql<string | null>`e.due_date::text`.as('due_date'),
        eb
          .selectFrom('portfolio_supports as s')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('s.idea_id', '=', 'i.id')
          .as('supports'),
      ])
      .where('i.merged_into', 'is', null)
      .orderBy('i.created_at')
      .orderBy('i.id')
      .execute();
    await audit(tx, ctx, 'portfolio.export', null, { rows: rows.length });
    return rows.map((r): Record<Column, string> => {
      const clock =
        r.due_date && r.declare_by && r.stage === 'experiment'
          ? clockState({
              declare_by: r.declare_by,
              declared_at: r.declared_at,
              due_date: r.due_date,
            })
          : null;
      return {
        title: r.title,
        problem: r.problem,
        proposal: r.proposal,
        targetGroups: r.target_groups.join(', '),
        departments: r.departments.join(', '),
        themes: r.themes.join(', '),
        stage: r.stage,
        owner: r.owner_email ?? '',
        timeboxDays: r.timebox_days === null ? '' : String(r.timebox_days),
        goal: r.goal,
        results: r.results,
        decisionDate: r.decided_at ? localDate(r.decided_at) : '',
        supports: String(r.supports ?? 0),
        timeboxState: clock
          ? translate(
              ctx.language,
              clock.overdue ? 'portfolioImport.overdue' : 'portfolioImport.daysLeft',
              {
                days: Math.abs(clock.daysLeft),
              },
            )
          : '',
        dueDate: r.due_date ?? '',
      };
    });
  });
}

const header = (c: Column) => HEADERS[c][0]!;

/** Semicolons and a BOM, as Finnish Excel expects when the file is opened by a double click. */
export function toCsv(rows: Record<Column, string>[]): string {
  const quote = (value: string) =>
    /[";\r\n]/.test(value) || /^[=+\-@]/.test(value)
      ? `"${(/^[=+\-@]/.test(value) ? `'${value}` : value).replace(/"/g, '""')}"`
      : value;
  const lines = [COLUMNS.map(header).join(';')];
  for (const row of rows) lines.push(COLUMNS.map((c) => quote(row[c])).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function toXlsx(rows: Record<Column, string>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Salkku');
  sheet.addRow(COLUMNS.map(header));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(COLUMNS.map((c) => row[c]));
  sheet.columns.forEach((column) => (column.width = 24));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
