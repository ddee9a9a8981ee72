import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, TextInput } from 'suomifi-ui-components';
import type { FeePeriod, FeePeriodBody } from '../../api/client';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage, type Language } from '../../i18n';
import { parseDate } from '../bookings/time';
import { formatDate } from '../courses/format';
import { formatMoney, formatVatRate } from '../shop/money';
import { parseEuros } from './FeesPage';
import { useFeePeriods, useSaveFeePeriod } from './queries';
import './daycare.css';

const euros = (cents: number | null) =>
  cents === null ? '' : (cents / 100).toFixed(2).replace('.', ',');
const percent = (bp: number) => String(bp / 100).replace('.', ',');
/** "10,7" → 1070 basis points. */
const parsePercent = (text: string): number | null => {
  const cleaned = text.replace(/[\s%]/g, '').replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(cleaned)) return null;
  const bp = Math.round(Number(cleaned) * 100);
  return bp <= 10000 ? bp : null;
};
const SIZES = [2, 3, 4, 5, 6];

function PeriodSummary({
  period,
  language,
  onEdit,
}: {
  period: FeePeriod;
  language: Language;
  onEdit: () => void;
}) {
  const { t } = useTranslation('daycare');
  return (
    <li className="daycare-child">
      <Heading variant="h3" as="h3">
        {period.validTo
          ? t('feeAdmin.period', {
              from: formatDate(period.validFrom, language),
              to: formatDate(period.validTo, language),
            })
          : t('feeAdmin.periodOpen', { from: formatDate(period.validFrom, language) })}
      </Heading>
      <p>{period.own ? t('feeAdmin.own') : t('feeAdmin.national')}</p>
      <p>
        {t('feeAdmin.summary', {
          max: formatMoney(period.maxFeeCents, language),
          min: formatMoney(period.minFeeCents, language),
          percent: formatVatRate(period.incomeBp, language),
          second: formatVatRate(period.secondChildBp, language),
          further: formatVatRate(period.furtherChildBp, language),
        })}
        {period.secondChildMaxCents !== null &&
          ' ' + t('feeAdmin.secondMax', { max: formatMoney(period.secondChildMaxCents, language) })}
      </p>
      <p>
        {period.incomeLimitsCents
          ? t('feeAdmin.limits', {
              limits: period.incomeLimitsCents.map((c) => formatMoney(c, language)).join(' / '),
              increment: formatMoney(period.incrementCents ?? 0, language),
            })
          : t('feeAdmin.noLimits')}
      </p>
      <Button variant="secondary" onClick={onEdit}>
        {t('feeAdmin.edit', { from: formatDate(period.validFrom, language) })}
      </Button>
    </li>
  );
}

/** The administrator's fee parameters by period: national sets and the municipality's own. */
export function FeeParametersPage() {
  const { t } = useTranslation('daycare');
  const language = currentLanguage();
  const { slug } = useMunicipality();
  const periods = useFeePeriods(slug);
  const save = useSaveFeePeriod(slug);
  usePageTitle(t('feeAdmin.title'));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState(false);
  const [saved, setSaved] = useState('');

  function edit(period: FeePeriod) {
    setSaved('');
    setTouched(false);
    setFields({
      validFrom: formatDate(period.validFrom, 'fi'),
      max: euros(period.maxFeeCents),
      min: euros(period.minFeeCents),
      percent: percent(period.incomeBp),
      second: percent(period.secondChildBp),
      further: percent(period.furtherChildBp),
      secondMax: euros(period.secondChildMaxCents),
      increment: euros(period.incrementCents),
      ...Object.fromEntries(
        SIZES.map((size, i) => [`limit${size}`, euros(period.incomeLimitsCents?.[i] ?? null)]),
      ),
    });
  }

  const field = (key: string) => fields[key] ?? '';
  const validFrom = parseDate(field('validFrom'));
  const limits = SIZES.map((size) => field(`limit${size}`).trim());
  const noLimits = limits.every((l) => l === '') && field('increment').trim() === '';
  const parsed = {
    max: parseEuros(field('max')),
    min: parseEuros(field('min')),
    percent: parsePercent(field('percent')),
    second: parsePercent(field('second')),
    further: parsePercent(field('further')),
    secondMax: field('secondMax').trim() === '' ? null : parseEuros(field('secondMax')),
    limits: noLimits ? null : limits.map(parseEuros),
    increment: noLimits ? null : parseEuros(field('increment')),
  };
  const bad = (key: keyof typeof parsed | 'validFrom'): boolean => {
    if (key === 'validFrom') return !validFrom;
    if (key === 'secondMax') return field('secondMax').trim() !== '' && parsed.secondMax === null;
    if (key === 'limits') return parsed.limits !== null && parsed.limits.some((l) => l === null);
    if (key === 'increment') return !noLimits && parsed.increment === null;
    return parsed[key] === null;
  };
  const keys = [
    'validFrom',
    'max',
    'min',
    'percent',
    'second',
    'further',
    'secondMax',
    'limits',
    'increment',
  ] as const;
  const invalid = keys.some(bad);
  const status = (key: (typeof keys)[number]) =>
    touched && bad(key)
      ? { status: 'error' as const, statusText: t('feeAdmin.invalid') }
      : { status: 'default' as const };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setSaved('');
    if (invalid || !validFrom || save.isPending) return;
    const body: FeePeriodBody = {
      maxFeeCents: parsed.max!,
      minFeeCents: parsed.min!,
      incomeBp: parsed.percent!,
      secondChildBp: parsed.second!,
      furtherChildBp: parsed.further!,
      secondChildMaxCents: parsed.secondMax,
      incomeLimitsCents: parsed.limits as number[] | null,
      incrementCents: parsed.increment,
    };
    try {
      await save.mutateAsync({ validFrom, body });
      setSaved(t('feeAdmin.saved', { from: formatDate(validFrom, language) }));
    } catch {
      // shown below
    }
  }

  const input = (key: string, label: string, hint?: string) => (
    <TextInput
      key={key}
      labelText={label}
      hintText={hint}
      inputMode="decimal"
      value={field(key)}
      onChange={(value) => setFields((old) => ({ ...old, [key]: String(value ?? '') }))}
      {...status(key.startsWith('limit') ? 'limits' : (key as (typeof keys)[number]))}
    />
  );

  return (
    <div className="page daycare">
      <Heading variant="h1" mb="s">
        {t('feeAdmin.title')}
      </Heading>
      <Paragraph mb="m">{t('feeAdmin.intro')}</Paragraph>
      {periods.isPending && <Loading text={t('loading')} />}
      {periods.isError && <ErrorAlert error={periods.error} />}
      {periods.data && (
        <section aria-labelledby="periods-heading" className="form-section">
          <Heading variant="h2" id="periods-heading" mb="s">
            {t('feeAdmin.periods')}
          </Heading>
          <ul className="daycare-children">
            {periods.data.items.map((p) => (
              <PeriodSummary
                key={p.validFrom}
                period={p}
                language={language}
                onEdit={() => edit(p)}
              />
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="period-form-heading" className="form-section">
        <Heading variant="h2" id="period-form-heading" mb="s">
          {t('feeAdmin.formHeading')}
        </Heading>
        <div role="status">{saved && <SuccessAlert>{saved}</SuccessAlert>}</div>
        {save.isError && <ErrorAlert error={save.error} />}
        <form onSubmit={(event) => void onSubmit(event)} noValidate className="fee-form">
          {input('validFrom', t('feeAdmin.validFrom'), t('feeAdmin.dateHint'))}
          {input('max', t('feeAdmin.max'))}
          {input('min', t('feeAdmin.min'))}
          {input('percent', t('feeAdmin.percent'))}
          {input('second', t('feeAdmin.second'))}
          {input('further', t('feeAdmin.further'))}
          {input('secondMax', t('feeAdmin.secondMaxField'), t('feeAdmin.optional'))}
          {SIZES.map((size) => input(`limit${size}`, t('feeAdmin.limit', { size })))}
          {input('increment', t('feeAdmin.increment'), t('feeAdmin.limitsHint'))}
          <Button type="submit" disabled={save.isPending}>
            {t('feeAdmin.save')}
          </Button>
        </form>
      </section>
    </div>
  );
}
