import { sql } from 'kysely';
import { inTenant, type Tx } from '../../platform/db/database.js';
import { requireRole, type Ctx } from '../../platform/http/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit/audit.js';
import { caseView } from './cases.js';
import { findCase, type CaseRow } from './cases.repo.js';

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
  const idea = await sql<{ id: string }>`
    insert into portfolio_ideas
      (municipality_id, title, problem, proposal, themes, submitted_by, submitted_as)
    values (${ctx.municipality.id}, ${row.title}, ${row.problem.slice(0, 5000)}, ${proposal},
      ${row.themes}::text[], ${ctx.actor.personId}, 'staff')
    returning id`.execute(tx);
  const ideaId = idea.rows[0]!.id;
  await sql`
    insert into portfolio_events (municipality_id, idea_id, kind, to_stage, actor_id)
    values (${ctx.municipality.id}, ${ideaId}, 'submitted', 'idea', ${ctx.actor.personId})`.execute(
    tx,
  );
  await sql`
    insert into portfolio_followers (municipality_id, idea_id, person_id)
    values (${ctx.municipality.id}, ${ideaId}, ${ctx.actor.personId})
    on conflict do nothing`.execute(tx);
  return ideaId;
}
