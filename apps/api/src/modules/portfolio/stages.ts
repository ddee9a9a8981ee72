import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { translate, type Language } from '../../platform/i18n/messages.js';
import type { Decision, RequiredField } from './portfolio.tables.js';

export interface Stage {
  key: string;
  position: number;
  closed: boolean;
  name: { fi: string; sv: string; en: string };
  requiredFields: RequiredField[];
}

export const REQUIRED_FIELDS: readonly RequiredField[] = ['owner', 'timebox', 'goal', 'results'];

/**
 * The pipeline of seeds 000–002 when a municipality has not set its own: an idea is screened,
 * tried as an experiment (which needs an owner and a timebox, so the 24 h / 21 / 105 day clock
 * can start), evaluated against its goal, and ends adopted (with measured results), shelved
 * for later or stopped.
 */
export const DEFAULT_STAGES: readonly Stage[] = [
  stage('idea', 0, false, ['Aihio', 'Idé', 'Idea']),
  stage('screening', 1, false, ['Seulonnassa', 'Granskas', 'Screening']),
  stage('experiment', 2, false, ['Kokeilu', 'Försök', 'Experiment'], ['owner', 'timebox']),
  stage('evaluation', 3, false, ['Arvioinnissa', 'Utvärderas', 'Evaluation'], ['goal']),
  stage(
    'adopted',
    4,
    true,
    ['Otettu käyttöön', 'Infört som tjänst', 'Adopted as a service'],
    ['results'],
  ),
  stage('shelved', 5, true, ['Odottaa myöhempää', 'Parkerat till senare', 'Shelved for later']),
  stage('stopped', 6, true, ['Lopetettu', 'Avslutat', 'Stopped']),
];

function stage(
  key: string,
  position: number,
  closed: boolean,
  [fi, sv, en]: [string, string, string],
  requiredFields: RequiredField[] = [],
): Stage {
  return { key, position, closed, name: { fi, sv, en }, requiredFields };
}

/** Where a decision of a round moves the idea. */
export const DECISION_STAGE: Record<Decision, string> = {
  go: 'experiment',
  wait: 'shelved',
  no: 'stopped',
};

/** The municipality's pipeline (its own, or the default), in order. */
export async function loadStages(tx: Tx): Promise<Stage[]> {
  const rows = await tx.selectFrom('portfolio_stages').selectAll().orderBy('position').execute();
  if (rows.length === 0) return [...DEFAULT_STAGES];
  return rows.map((r) => ({
    key: r.key,
    position: r.position,
    closed: r.closed,
    name: { fi: r.name_fi, sv: r.name_sv, en: r.name_en },
    requiredFields: r.required_fields,
  }));
}

export function findStage(stages: Stage[], key: string): Stage {
  const found = stages.find((s) => s.key === key);
  if (!found) throw new AppError(422, 'portfolioUnknownStage', { stage: key });
  return found;
}

export interface StageFields {
  owner_id: string | null;
  timebox_days: number | null;
  goal: string;
  results: string;
  /** Metrics without a measured result, when the experiment has metrics at all. */
  metricsUnmeasured?: number;
}

/** The fields the stage requires that the idea does not have. */
export function missingFields(target: Stage, idea: StageFields): RequiredField[] {
  const has: Record<RequiredField, boolean> = {
    owner: idea.owner_id !== null,
    timebox: idea.timebox_days !== null,
    goal: idea.goal.trim() !== '',
    results:
      idea.metricsUnmeasured === undefined
        ? idea.results.trim() !== ''
        : idea.metricsUnmeasured === 0,
  };
  return target.requiredFields.filter((field) => !has[field]);
}

/** A translated 422 naming the stage and every missing field, or nothing when all are there. */
export function assertCanEnter(language: Language, target: Stage, idea: StageFields): void {
  const missing = missingFields(target, idea);
  if (missing.length === 0) return;
  throw new AppError(422, 'portfolioStageRequires', {
    stage: target.name[language],
    fields: missing.map((f) => translate(language, `portfolio.field.${f}`)).join(', '),
  });
}
