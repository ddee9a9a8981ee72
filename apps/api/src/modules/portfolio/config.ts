import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { requireRole, type Ctx } from '../../platform/http/context.js';
import type { StagesInput } from './portfolio.schema.js';
import { DECISION_STAGE, loadStages } from './stages.js';

/** The municipality's own pipeline and decision criteria. */

export interface Criterion {
  key: string;
  position: number;
  name: { fi: string; sv: string; en: string };
  weight: number;
}

/** Seed 001's questions for a round: what it gives residents, what it takes, its fit. */
export const DEFAULT_CRITERIA: readonly Criterion[] = [
  criterion('benefit', 0, 40, ['Hyöty asukkaille', 'Nytta för invånarna', 'Benefit to residents']),
  criterion('effort', 1, 20, [
    'Vaiva (5 = vähäinen)',
    'Arbetsinsats (5 = liten)',
    'Effort (5 = little)',
  ]),
  criterion('cost', 2, 20, ['Kustannus (5 = pieni)', 'Kostnad (5 = låg)', 'Cost (5 = low)']),
  criterion('strategy', 3, 20, [
    'Sopivuus digistrategiaan',
    'Passar digitala strategin',
    'Fit with the digital strategy',
  ]),
];

function criterion(key: string, position: number, weight: number, [fi, sv, en]: string[]) {
  return { key, position, weight, name: { fi: fi!, sv: sv!, en: en! } };
}

export async function loadCriteria(tx: Tx): Promise<Criterion[]> {
  const rows = await tx.selectFrom('portfolio_criteria').selectAll().orderBy('position').execute();
  if (rows.length === 0) return [...DEFAULT_CRITERIA];
  return rows.map((r) => ({
    key: r.key,
    position: r.position,
    weight: r.weight,
    name: { fi: r.name_fi, sv: r.name_sv, en: r.name_en },
  }));
}

export async function listStages(ctx: Ctx) {
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => ({ items: await loadStages(tx) }));
}

/**
 * Replace the pipeline. The stages the rounds move ideas to (and `idea`, where new ideas
 * start) must stay, and so must every stage an idea is in now.
 */
export async function updateStages(ctx: Ctx, input: StagesInput) {
  requireRole(ctx, 'digital_team', 'admin');
  const keys = input.stages.map((s) => s.key);
  if (new Set(keys).size !== keys.length) throw new AppError(422, 'portfolioStageDuplicate');
  const needed = ['idea', ...Object.values(DECISION_STAGE)];
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const inUse = await tx.selectFrom('portfolio_ideas').select('stage').distinct().execute();
    const missing = [...new Set([...needed, ...inUse.map((r) => r.stage)])].filter(
      (k) => !keys.includes(k),
    );
    if (missing.length > 0) {
      throw new AppError(422, 'portfolioStageInUse', { stages: missing.join(', ') });
    }
    await tx.deleteFrom('portfolio_stages').execute();
    await tx
      .insertInto('portfolio_stages')
      .values(
        input.stages.map((s, position) => ({
          municipality_id: ctx.municipality.id,
          key: s.key,
          position,
          closed: s.closed,
          name_fi: s.name.fi.trim(),
          name_sv: s.name.sv.trim(),
          name_en: s.name.en.trim(),
          required_fields: [...new Set(s.requiredFields)],
        })),
      )
      .execute();
    await audit(tx, ctx, 'portfolio.stages.update', null, { keys });
    return { items: await loadStages(tx) };
  });
}

export async function listCriteria(ctx: Ctx) {
  requireRole(ctx, 'digital_team', 'admin');
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => ({ items: await loadCriteria(tx) }));
}

export async function updateCriteria(ctx: Ctx, items: Omit<Criterion, 'position'>[]) {
  requireRole(ctx, 'digital_team', 'admin');
  const keys = items.map((c) => c.key);
  if (new Set(keys).size !== keys.length) throw new AppError(422, 'portfolioCriterionDuplicate');
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    await tx.deleteFrom('portfolio_criteria').execute();
    await tx
      .insertInto('portfolio_criteria')
      .values(
        items.map((c, position) => ({
          municipality_id: ctx.municipality.id,
          key: c.key,
          position,
          weight: c.weight,
          name_fi: c.name.fi.trim(),
          name_sv: c.name.sv.trim(),
          name_en: c.name.en.trim(),
        })),
      )
      .execute();
    await audit(tx, ctx, 'portfolio.criteria.update', null, { keys });
    return { items: await loadCriteria(tx) };
  });
}
