import type { CaseBody, CaseCard, CaseOutcome } from './api';

/** The editor's form state: text fields as typed, turned into the API body on save. */
export interface MetricDraft {
  name: string;
  unit: string;
  baseline: string;
  target: string;
  result: string;
}

export interface CaseDraft {
  title: string;
  problem: string;
  tried: string;
  durationDays: string;
  costEuros: string;
  outcome: CaseOutcome | '';
  lessons: string;
  contactName: string;
  contactEmail: string;
  themes: string;
  metrics: MetricDraft[];
}

export const emptyMetric = (): MetricDraft => ({
  name: '',
  unit: '',
  baseline: '',
  target: '',
  result: '',
});

const text = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));

export function draftOf(card: CaseCard | undefined): CaseDraft {
  return {
    title: card?.title ?? '',
    problem: card?.problem ?? '',
    tried: card?.tried ?? '',
    durationDays: text(card?.durationDays ?? null),
    costEuros: card?.costCents != null ? text(card.costCents / 100) : '',
    outcome: card?.outcome ?? '',
    lessons: card?.lessons ?? '',
    contactName: card?.contactName ?? '',
    contactEmail: card?.contactEmail ?? '',
    themes: card?.themes.join(', ') ?? '',
    metrics: (card?.metrics ?? []).map((m) => ({
      name: m.name,
      unit: m.unit,
      baseline: text(m.baseline),
      target: text(m.target),
      result: text(m.result),
    })),
  };
}

/** A number typed with a comma or a point; NaN when it is not one. Empty is null. */
export function parseNumber(value: string): number | null {
  const trimmed = value.trim().replace(/\s/g, '').replace(',', '.');
  if (!trimmed) return null;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : NaN;
}

export type DraftErrors = Partial<Record<'title' | 'durationDays' | 'costEuros' | 'metrics', true>>;

export function validate(draft: CaseDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (draft.title.trim().length < 3) errors.title = true;
  const days = parseNumber(draft.durationDays);
  if (days !== null && !(Number.isInteger(days) && days >= 1 && days <= 3650)) {
    errors.durationDays = true;
  }
  const cost = parseNumber(draft.costEuros);
  if (cost !== null && !(cost >= 0 && cost <= 10_000_000)) errors.costEuros = true;
  const numbers = draft.metrics.flatMap((m) => [m.baseline, m.target, m.result].map(parseNumber));
  if (draft.metrics.some((m) => !m.name.trim()) || numbers.some((n) => Number.isNaN(n))) {
    errors.metrics = true;
  }
  return errors;
}

export function bodyOf(draft: CaseDraft): CaseBody {
  const cost = parseNumber(draft.costEuros);
  return {
    title: draft.title.trim(),
    problem: draft.problem,
    tried: draft.tried,
    durationDays: parseNumber(draft.durationDays),
    costCents: cost === null ? null : Math.round(cost * 100),
    outcome: draft.outcome || null,
    lessons: draft.lessons,
    contactName: draft.contactName,
    contactEmail: draft.contactEmail.trim(),
    themes: draft.themes
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    metrics: draft.metrics.map((m) => ({
      name: m.name.trim(),
      unit: m.unit.trim(),
      baseline: parseNumber(m.baseline),
      target: parseNumber(m.target),
      result: parseNumber(m.result),
    })),
  };
}
