import { inTenant, type Tx } from '../../platform/db/database.js';
import { requireRole, type Ctx } from '../../platform/http/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit/audit.js';
import { caseView } from './cases.js';
import { findCase, type CaseRow } from './cases.repo.js';
import { cleanTags } from './ideas.js';
import * as ideas from './ideas.repo.js';

/**
 * "Copy to our municipality": staff of another municipality turn a published case into an
 * idea at the start of their own pipeline, linked to the original in portfolio_case_copies.
 * Runs as the copier's tenant: the case is visible because it is published, and the idea,
 * its history and the copy are written in the copier's municipality, all or nothing.
 */
export async function copyCase(ctx: Ctx, id: string) {
  requireRole(ctx, 'staff', 'digital_team', 'admin');
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await findCase(tx, id);
    if (!row) throw notFound();
    if (row.status !== 'published') throw new AppError(409, 'caseNotPublished');
    if (row.municipality_id === ctx.municipality.id) throw new AppError(409, 'caseOwnMunicipality');
    const existing = await tx
      .selectFrom('portfolio_case_copies')
      .select('idea_id')
      .where('case_id', '=', id)
      .where('municipality_id', '=', ctx.municipality.id)
      .executeTakeFirst();
    if (existing) throw new AppError(409, 'caseAlreadyCopied');
    const ideaId = await insertCopiedIdea(tx, ctx, row, `${ctx.baseUrl}/cases/${id}`);
    await tx
      .insertInto('portfolio_case_copies')
      .values({
        case_id: id,
        municipality_id: ctx.municipality.id,
        idea_id: ideaId,
        copied_by: actor.personId,
      })
      .execute();
    await audit(tx, ctx, 'portfolio.case.copy', `case:${id}`, { ideaId, from: row.slug });
    return {
      ideaId,
      case: await caseView(tx, id, {
        personId: actor.personId,
        municipalityId: ctx.municipality.id,
      }),
    };
  });
}

/**
 * The idea as the portfolio's createIdea makes one (a staff submission in stage "idea", its
 * "submitted" history event, the submitter following it), inside this transaction so that
 * the copy and the idea are written together.
 */
async function insertCopiedIdea(
  tx: Tx,
  ctx: Ctx & { actor: { personId: string } },
  row: CaseRow,
  url: string,
) {
  const proposal = [
    `${row.name_fi}: ${row.title}`,
    row.tried,
    row.lessons ? `Opit: ${row.lessons}` : '',
    `Tapauskortti: ${url}`,
  ]
    .filter(Boolean)
    .join('\n\n')
    .slice(0, 5000);
  const { id: ideaId } = await tx
    .insertInto('portfolio_ideas')
    .values({
      municipality_id: ctx.municipality.id,
      title: row.title,
      problem: row.problem.slice(0, 5000),
      proposal,
      themes: cleanTags(row.themes),
      submitted_by: ctx.actor.personId,
      submitted_as: 'staff',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ideas.addEvents(tx, [
    {
      municipalityId: ctx.municipality.id,
      ideaId,
      kind: 'submitted',
      actorId: ctx.actor.personId,
      toStage: 'idea',
    },
  ]);
  // The copier hears of every step the idea takes, as a submitter does.
  await ideas.addLink(tx, 'portfolio_followers', ctx.municipality.id, ideaId, ctx.actor.personId);
  return ideaId;
}
