import { inTenant } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { requireRole, requireUser, type Ctx } from '../../platform/http/context.js';
import { localDate } from '../../platform/i18n/time.js';
import * as repo from './experiment-details.repo.js';
import * as experiments from './experiments.repo.js';
import { canModerate } from './ideas.js';
import { isMember } from './ideas.repo.js';
import { clock } from './timebox.js';

/** An experiment's team, metrics and budget (issue 5), and the year's experimenter count. */

/** Seed 002: "at least 50 experimenters" a year. */
export const EXPERIMENTER_TARGET = 50;

export interface DetailsInput {
  experimenters: repo.ExperimenterInput[];
  metrics: repo.MetricInput[];
  budgetGrantedCents: number;
  budgetSpentCents: number;
}

/** The owner or the digital team saves the whole team, metrics and budget at once. */
export async function updateExperimentDetails(ctx: Ctx, ideaId: string, input: DetailsInput) {
  requireUser(ctx);
  const actor = ctx.actor;
  const experimenters = input.experimenters.map((x) => ({
    personId: x.personId,
    name: x.personId ? '' : x.name.trim(),
    department: x.department.trim(),
  }));
  const metrics = input.metrics.map((m) => ({ ...m, name: m.name.trim(), unit: m.unit.trim() }));
  if (experimenters.some((x) => !x.personId && !x.name) || metrics.some((m) => !m.name)) {
    throw new AppError(422, 'portfolioExperimentBlank');
  }
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await experiments.findExperiment(tx, ideaId, true);
    if (!row) throw notFound();
    if (row.owner_id !== actor.personId && !canModerate(ctx)) throw forbidden();
    for (const x of experimenters) {
      if (x.personId && !(await isMember(tx, x.personId))) {
        throw new AppError(422, 'portfolioExperimenterUnknown');
      }
    }
    await repo.replaceDetails(tx, ctx.municipality.id, ideaId, experimenters, metrics);
    await tx
      .updateTable('portfolio_experiments')
      .set({
        budget_granted_cents: input.budgetGrantedCents,
        budget_spent_cents: input.budgetSpentCents,
      })
      .where('idea_id', '=', ideaId)
      .execute();
    await audit(tx, ctx, 'portfolio.experiment.update', `idea:${ideaId}`, {
      experimenters: experimenters.length,
      metrics: metrics.length,
      budgetGrantedCents: input.budgetGrantedCents,
      budgetSpentCents: input.budgetSpentCents,
    });
  });
}

/** The digital team's figure: distinct experimenters this (Helsinki) year against the target. */
export async function experimenterCount(ctx: Ctx) {
  requireRole(ctx, 'digital_team', 'admin');
  const year = Number(localDate(clock.now()).slice(0, 4));
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => ({
    year,
    count: await repo.distinctExperimenters(tx, year),
    target: EXPERIMENTER_TARGET,
  }));
}
