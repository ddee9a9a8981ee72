import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Textarea, TextInput } from 'suomifi-ui-components';
import { isApiError } from '../../api/client';
import { ErrorAlert } from '../../app/feedback';
import { LocalError } from './LocalError';
import type { CaseBody, CaseOutcome } from './api';
import { bodyOf, emptyMetric, validate, type CaseDraft, type MetricDraft } from './caseDraft';
import { NativeSelect } from './NativeSelect';

const OUTCOMES: CaseOutcome[] = ['adopted', 'changed', 'stopped'];

/** The case card's fields; the metrics are rows of name, unit, baseline, target and result. */
export function CaseForm(props: {
  initial: CaseDraft;
  saving: boolean;
  error: unknown;
  onSave: (body: CaseBody) => void;
}) {
  const { t } = useTranslation('cases');
  const [draft, setDraft] = useState(props.initial);
  const [submitted, setSubmitted] = useState(false);
  const errors = submitted ? validate(draft) : {};
  const set = (key: keyof CaseDraft) => (value: unknown) =>
    setDraft((d) => ({ ...d, [key]: String(value ?? '') }));
  const setMetric = (i: number, key: keyof MetricDraft, value: string) =>
    setDraft((d) => ({
      ...d,
      metrics: d.metrics.map((m, j) => (j === i ? { ...m, [key]: value } : m)),
    }));
  const field = (name: string) =>
    isApiError(props.error) ? props.error.fieldError(name) : undefined;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(validate(draft)).length === 0) props.onSave(bodyOf(draft));
  }

  const area = (key: 'problem' | 'tried' | 'lessons') => (
    <Textarea
      labelText={t(`form.${key}`)}
      value={draft[key]}
      maxLength={5000}
      onChange={(e) => set(key)(e.target.value)}
      fullWidth
    />
  );

  return (
    <form className="case-form" onSubmit={onSubmit} noValidate>
      <TextInput
        labelText={t('form.title')}
        value={draft.title}
        maxLength={200}
        onChange={set('title')}
        status={errors.title || field('title') ? 'error' : 'default'}
        statusText={errors.title ? t('form.titleError') : field('title')}
        fullWidth
      />
      {area('problem')}
      {area('tried')}
      <TextInput
        labelText={t('form.durationDays')}
        inputMode="numeric"
        value={draft.durationDays}
        onChange={set('durationDays')}
        status={errors.durationDays ? 'error' : 'default'}
        statusText={errors.durationDays ? t('form.durationError') : undefined}
      />
      <TextInput
        labelText={t('form.costEuros')}
        inputMode="decimal"
        value={draft.costEuros}
        onChange={set('costEuros')}
        status={errors.costEuros ? 'error' : 'default'}
        statusText={errors.costEuros ? t('form.costError') : undefined}
      />
      <NativeSelect
        label={t('form.outcome')}
        value={draft.outcome}
        options={[
          { value: '', label: t('form.noOutcome') },
          ...OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) })),
        ]}
        onChange={(value) => setDraft((d) => ({ ...d, outcome: value }))}
      />
      {area('lessons')}
      <TextInput
        labelText={t('form.themes')}
        hintText={t('form.themesHint')}
        value={draft.themes}
        onChange={set('themes')}
        fullWidth
      />
      <TextInput
        labelText={t('form.contactName')}
        value={draft.contactName}
        onChange={set('contactName')}
      />
      <TextInput
        labelText={t('form.contactEmail')}
        type="email"
        value={draft.contactEmail}
        onChange={set('contactEmail')}
        status={field('contactEmail') ? 'error' : 'default'}
        statusText={field('contactEmail')}
      />
      <fieldset className="case-section">
        <legend>
          <Heading variant="h2" as="span">
            {t('case.metrics')}
          </Heading>
        </legend>
        {errors.metrics && <LocalError>{t('form.metricsError')}</LocalError>}
        {draft.metrics.map((metric, i) => (
          <div
            key={i}
            className="case-metric-row"
            role="group"
            aria-label={t('form.metricN', { n: i + 1 })}
          >
            {(['name', 'unit', 'baseline', 'target', 'result'] as const).map((key) => (
              <TextInput
                key={key}
                labelText={t(`metric.${key}`)}
                value={metric[key]}
                inputMode={key === 'name' || key === 'unit' ? undefined : 'decimal'}
                onChange={(v) => setMetric(i, key, String(v ?? ''))}
                fullWidth
              />
            ))}
            <Button
              variant="secondary"
              onClick={() =>
                setDraft((d) => ({ ...d, metrics: d.metrics.filter((_, j) => j !== i) }))
              }
            >
              {t('form.removeMetric', { n: i + 1 })}
            </Button>
          </div>
        ))}
        <Button
          variant="secondary"
          onClick={() => setDraft((d) => ({ ...d, metrics: [...d.metrics, emptyMetric()] }))}
        >
          {t('form.addMetric')}
        </Button>
      </fieldset>
      {props.error !== null && props.error !== undefined && <ErrorAlert error={props.error} />}
      <div>
        <Button type="submit" disabled={props.saving}>
          {t('form.save')}
        </Button>
      </div>
    </form>
  );
}
