import { inTenant } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireRole, type Ctx } from '../../platform/http/context.js';
import { localDate } from '../../platform/i18n/time.js';
import { caseView } from './cases.js';
import { MAX_PHOTOS } from './cases.photos.js';
import * as details from './experiment-details.repo.js';
import * as repo from './experiments.repo.js';
import { findIdea } from './ideas.repo.js';
import { daysFrom } from './timebox.js';

/**
 * A case card written from a finished experiment: a draft prefilled from the idea and the
 * experiment, which the team then edits and publishes in the case bank's usual editor. One
 * card per experiment: when one exists (draft or published) it is returned instead.
 */
const clip = (text: string, max: number) => text.trim().slice(0, max);

export async function caseFromExperiment(ctx: Ctx, ideaId: string) {
  requireRole(ctx, 'digital_team', 'admin');
  const actor = ctx.actor;
  const viewer = { personId: actor.personId, municipalityId: ctx.municipality.id };
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    // The lock makes two clicks at once find one card, not write two.
    const row = await repo.findExperiment(tx, ideaId, true);
    if (!row) throw notFound();
    if (!row.finished_at || !row.outcome) throw new AppError(409, 'portfolioNotFinished');
    const existing = await tx
      .selectFrom('portfolio_cases')
      .select('id')
      .where('idea_id', '=', ideaId)
      .where('municipality_id', '=', ctx.municipality.id)
      .orderBy('created_at')
      .executeTakeFirst();
    if (existing) return { created: false, case: await caseView(tx, existing.id, viewer) };

    const idea = (await findIdea(tx, ideaId))!;
    const owner = idea.owner_id
      ? await tx
          .selectFrom('people')
          .select(['name', 'email'])
          .where('id', '=', idea.owner_id)
          .executeTakeFirst()
      : undefined;
    const metrics = (await details.metrics(tx, ideaId)).slice(0, 20).map((m) => ({
      name: clip(m.name, 100),
      unit: clip(m.unit, 30),
      baseline: m.baseline,
      target: m.target,
      result: m.result,
    }));
    const days = daysFrom(localDate(row.decided_at), localDate(row.finished_at));
    const tried = [row.declaration.trim() || idea.proposal, row.outcome_summary]
      .filter((t) => t.trim())
      .join('\n\n');
    const { id } = await tx
      .insertInto('portfolio_cases')
      .values({
        municipality_id: ctx.municipality.id,
        idea_id: ideaId,
        title: clip(idea.title, 200),
        problem: clip(idea.problem, 5000),
        tried: clip(tried, 5000),
        duration_days: Math.min(Math.max(days, 1), 3650),
        cost_cents: row.budget_spent_cents,
        metrics: JSON.stringify(metrics),
        outcome: row.outcome,
        lessons: clip(row.lessons, 5000),
        contact_name: clip(owner?.name ?? '', 200),
        contact_email: clip(owner?.email ?? '', 254),
        themes: [
          ...new Set(idea.themes.map((t) => clip(t, 40).toLowerCase()).filter(Boolean)),
        ].slice(0, 10),
        created_by: actor.personId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The public journal's photos, oldest first, copied (a case photo outlives the journal's).
    const photos = await tx
      .selectFrom('portfolio_journal_photos as f')
      .innerJoin('portfolio_journal_posts as j', 'j.id', 'f.post_id')
      .select(['f.data', 'f.mime', 'f.width', 'f.height', 'f.alt_text'])
      .where('j.idea_id', '=', ideaId)
      .where('j.visibility', '=', 'public')
      .orderBy('j.created_at')
      .orderBy('f.position')
      .limit(MAX_PHOTOS)
      .execute();
    if (photos.length > 0) {
      await tx
        .insertInto('portfolio_case_photos')
        .values(
          photos.map((photo, position) => ({
            municipality_id: ctx.municipality.id,
            case_id: id,
            data: photo.data,
            mime: photo.mime,
            width: photo.width,
            height: photo.height,
            alt_text: photo.alt_text,
            position,
          })),
        )
        .execute();
    }
    await audit(tx, ctx, 'portfolio.case.create', `case:${id}`, {
      title: idea.title,
      fromIdea: ideaId,
      photos: photos.length,
    });
    return { created: true, case: await caseView(tx, id, viewer) };
  });
}
