import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { requireRole, requireUser, type Ctx } from '../../platform/http/context.js';
import { localDate } from '../../platform/i18n/time.js';
import * as repo from './experiments.repo.js';
import * as details from './experiment-details.repo.js';
import { canModerate } from './ideas.js';
import { addDays, clock, clockState } from './timebox.js';
import { scheduleReminders } from './reminders.js';
import { writeStoryPost } from './journal.js';

/** Experiments: their clocks (24 h declaration, 21 / 105 days), extensions, the overdue view. */

export async function toView(tx: Tx, row: repo.ExperimentRow) {
  const extensions = await repo.extensions(tx, row.idea_id);
  const team = await details.team(tx, row.idea_id);
  return {
    ideaId: row.idea_id,
    title: row.title,
    stage: row.stage,
    running: row.stage === 'experiment' && row.finished_at === null,
    owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
    timeboxDays: row.timebox_days as 21 | 105,
    decidedAt: row.decided_at.toISOString(),
    declareBy: row.declare_by.toISOString(),
    declaredAt: row.declared_at?.toISOString() ?? null,
    declaration: row.declaration,
    dueDate: row.due_date,
    ...clockState(row),
    budgetGrantedCents: row.budget_granted_cents,
    budgetSpentCents: row.budget_spent_cents,
    overBudget: row.budget_spent_cents > row.budget_granted_cents,
    team: team.map((x) => ({
      personId: x.person_id,
      name: x.person_name ?? x.name,
      department: x.department,
    })),
    metrics: await details.metrics(tx, row.idea_id),
    outcome: row.outcome,
    lessons: row.lessons,
    outcomeSummary: row.outcome_summary,
    finishedAt: row.finished_at?.toISOString() ?? null,
    extensions: extensions.map((x) => ({
      id: x.id,
      days: x.days,
      reason: x.reason,
      by: x.by,
      at: x.created_at.toISOString(),
    })),
  };
}

/** An experiment is public like its idea (a hidden idea's experiment is the team's only). */
export async function getExperiment(ctx: Ctx, ideaId: string) {
  const moderator = canModerate(ctx);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await repo.findExperiment(tx, ideaId);
    if (!row || (row.hidden_at && !moderator)) throw notFound();
    return toView(tx, row);
  });
}

/** The owner (or the team) declares the experiment publicly: what will be done, now. */
export async function declareExperiment(ctx: Ctx, ideaId: string, text: string) {
  requireUser(ctx);
  const actor = ctx.actor;
  const declaration = text.trim();
  if (!declaration) throw new AppError(422, 'portfolioDeclarationEmpty');
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await repo.findExperiment(tx, ideaId, true);
    if (!row) throw notFound();
    if (row.owner_id !== actor.personId && !canModerate(ctx)) throw forbidden();
    if (row.declared_at) throw new AppError(409, 'portfolioAlreadyDeclared');
    const now = clock.now();
    await tx
      .updateTable('portfolio_experiments')
      .set({ declared_at: now, declaration })
      .where('idea_id', '=', ideaId)
      .execute();
    // The declaration is the experiment's first public journal post.
    await writeStoryPost(tx, ctx, ideaId, { kind: 'declaration', body: declaration, at: now });
    await audit(tx, ctx, 'portfolio.experiment.declare', `idea:${ideaId}`, {
      late: clockState(row).declarationLate,
    });
    return toView(tx, (await repo.findExperiment(tx, ideaId))!);
  });
}

/** The due date moves only with a recorded reason, and only while the experiment runs. */
export async function extendExperiment(ctx: Ctx, ideaId: string, days: number, reason: string) {
  requireRole(ctx, 'digital_team', 'admin');
  const actor = ctx.actor;
  const why = reason.trim();
  if (!why) throw new AppError(422, 'portfolioExtensionReason');
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await repo.findExperiment(tx, ideaId, true);
    if (!row) throw notFound();
    if (row.stage !== 'experiment') throw new AppError(409, 'portfolioNotRunning');
    await tx
      .insertInto('portfolio_extensions')
      .values({
        municipality_id: ctx.municipality.id,
        idea_id: ideaId,
        days,
        reason: why,
        extended_by: actor.personId,
      })
      .execute();
    const dueDate = addDays(row.due_date, days);
    await tx
      .updateTable('portfolio_experiments')
      .set({ due_date: dueDate })
      .where('idea_id', '=', ideaId)
      .execute();
    // The earlier due-date reminders see the date moved and stay silent.
    await scheduleReminders(tx, ctx.municipality.id, ideaId, { declareBy: null, dueDate });
    await audit(tx, ctx, 'portfolio.experiment.extend', `idea:${ideaId}`, { days, reason: why });
    return toView(tx, (await repo.findExperiment(tx, ideaId))!);
  });
}

/** Everything late: past the due date, or not declared within 24 hours. */
export async function listOverdue(ctx: Ctx) {
  requireRole(ctx, 'digital_team', 'admin');
  const now = clock.now();
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const rows = await repo.overdueExperiments(tx, now, localDate(now));
    const items = [];
    for (const row of rows) items.push(await toView(tx, row));
    return { items };
  });
}
