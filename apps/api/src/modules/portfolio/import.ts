import { sql } from 'kysely';
import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, forbidden } from '../../platform/http/errors.js';
import { requireUser, type Ctx } from '../../platform/http/context.js';
import { IMPORT_FIELDS, proposeMapping, type ImportField } from './import.columns.js';
import { readSheet } from './import.parse.js';
import { validateRows, type RowResult } from './import.validate.js';
import { canModerate } from './ideas.js';
import { loadStages } from './stages.js';
import { startExperiment } from './experiments.repo.js';
import { addEvents } from './ideas.repo.js';
import type { EventKind } from './portfolio.tables.js';

/**
 * Import of the digital team's spreadsheet: a preview that proposes the column mapping and
 * shows every row's result, then a commit of the same file that writes all rows or none.
 */

export interface ImportInput {
  fileName: string;
  dataBase64: string;
  mapping?: (ImportField | null)[];
}

function requireTeam(ctx: Ctx) {
  requireUser(ctx);
  if (!canModerate(ctx)) throw forbidden();
}

async function lookups(tx: Tx, ctx: Ctx) {
  const [stages, members, titles] = await Promise.all([
    loadStages(tx),
    tx
      .selectFrom('role_grants as g')
      .innerJoin('people as p', 'p.id', 'g.person_id')
      .select(['p.id', 'p.email'])
      .distinct()
      .execute(),
    tx
      .selectFrom('portfolio_ideas')
      .select(sql<string>`lower(title)`.as('title'))
      .where('merged_into', 'is', null)
      .execute(),
  ]);
  return {
    language: ctx.language,
    stages,
    members: new Map(
      members.filter((m) => m.email).map((m) => [String(m.email).toLowerCase(), m.id]),
    ),
    existingTitles: new Set(titles.map((t) => t.title)),
  };
}

function checkMapping(headers: string[], mapping: (ImportField | null)[]) {
  if (mapping.length !== headers.length) throw new AppError(422, 'portfolioImportMapping');
  const used = mapping.filter((f): f is ImportField => f !== null);
  if (new Set(used).size !== used.length) throw new AppError(422, 'portfolioImportMappingTwice');
  if (!used.includes('title')) throw new AppError(422, 'portfolioImportNoTitle');
}

async function analyse(tx: Tx, ctx: Ctx, input: ImportInput) {
  const sheet = await readSheet(input.fileName, Buffer.from(input.dataBase64, 'base64'));
  const mapping = input.mapping ?? proposeMapping(sheet.headers);
  checkMapping(sheet.headers, mapping);
  const results = validateRows(sheet.rows, mapping, await lookups(tx, ctx));
  return { sheet, mapping, results };
}

function report(
  sheet: { headers: string[] },
  mapping: (ImportField | null)[],
  results: RowResult[],
) {
  return {
    headers: sheet.headers,
    mapping,
    fields: [...IMPORT_FIELDS],
    rowCount: results.length,
    errorRowCount: results.filter((r) => r.errors.length > 0).length,
    rows: results.map((r) => ({
      line: r.line,
      title: r.idea.title,
      stage: r.idea.stage,
      ownerEmail: r.idea.ownerEmail,
      themes: r.idea.themes,
      departments: r.idea.departments,
      errors: r.errors,
    })),
  };
}

export async function previewImport(ctx: Ctx, input: ImportInput) {
  requireTeam(ctx);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const { sheet, mapping, results } = await analyse(tx, ctx, input);
    return report(sheet, mapping, results);
  });
}

/** Thrown out of the transaction so nothing of a refused import is written. */
export class ImportRefused extends Error {
  constructor(readonly results: RowResult[]) {
    super('import refused');
  }
}

export async function commitImport(ctx: Ctx, input: ImportInput) {
  requireTeam(ctx);
  const actor = ctx.actor!;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    // One import at a time per municipality, so two uploads cannot both pass the duplicate check.
    await sql`select pg_advisory_xact_lock(hashtext(${`portfolio-import:${ctx.municipality.id}`}))`.execute(
      tx,
    );
    const { sheet, mapping, results } = await analyse(tx, ctx, input);
    if (results.some((r) => r.errors.length > 0)) throw new ImportRefused(results);
    if (results.length === 0) throw new AppError(422, 'portfolioImportEmpty');
    const ids: string[] = [];
    for (const { idea } of results) {
      const decidedAt = idea.decisionDate ? new Date(`${idea.decisionDate}T10:00:00Z`) : null;
      const { id } = await tx
        .insertInto('portfolio_ideas')
        .values({
          municipality_id: ctx.municipality.id,
          title: idea.title,
          problem: idea.problem,
          proposal: idea.proposal,
          target_groups: idea.targetGroups,
          departments: idea.departments,
          themes: idea.themes,
          submitted_by: actor.personId,
          submitted_as: 'staff',
          stage: idea.stage,
          owner_id: idea.ownerId,
          timebox_days: idea.timeboxDays,
          goal: idea.goal,
          results: idea.results,
          ...(decidedAt ? { stage_changed_at: decidedAt } : {}),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(id);
      // A running experiment from the sheet gets its clocks from the decision date.
      if (idea.stage === 'experiment' && idea.timeboxDays !== null)
        await startExperiment(
          tx,
          ctx.municipality.id,
          id,
          idea.timeboxDays,
          decidedAt ?? new Date(),
        );
    }
    await addEvents(
      tx,
      ids.map((ideaId, i) => ({
        municipalityId: ctx.municipality.id,
        ideaId,
        kind: 'imported' as EventKind,
        actorId: actor.personId,
        toStage: results[i]!.idea.stage,
        reason: input.fileName.slice(0, 200),
      })),
    );
    await audit(tx, ctx, 'portfolio.import', `file:${input.fileName.slice(0, 200)}`, {
      rows: ids.length,
      columns: sheet.headers.length,
      mapping: mapping.filter(Boolean).join(','),
    });
    return { imported: ids.length, ideaIds: ids };
  });
}
