import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Button, DateInput, Heading, Link, Paragraph } from 'suomifi-ui-components';
import { salesCsvUrl, type SaleLine, type SalesPeriod } from '../../api/client';
import { ErrorAlert, Loading } from '../../app/feedback';
import { formatDateTime } from '../../app/format';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { formatPeriod, inputDate, MAX_PERIOD_DAYS, periodDays } from '../bookings/period';
import { StaffOnly } from '../bookings/StaffOnly';
import { parseDate, todayLocal } from '../bookings/time';
import { InvoicesSection } from './InvoicesSection';
import { formatMoney, formatVatRate } from './money';
import { useSales } from './queries';
import '../bookings/utilisation.css';
import './shop.css';

/** The default: this month up to today. */
function thisMonth(): SalesPeriod {
  const today = todayLocal();
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/** The period is kept in the address (?from=&to=) for reloading and sharing. */
function periodOf(params: URLSearchParams): SalesPeriod {
  const from = parseDate(params.get('from') ?? '');
  const to = parseDate(params.get('to') ?? '');
  return from && to && to >= from ? { from, to } : thisMonth();
}

function PeriodForm({
  period,
  onApply,
}: {
  period: SalesPeriod;
  onApply: (p: SalesPeriod) => void;
}) {
  const { t } = useTranslation('shop');
  const [from, setFrom] = useState(inputDate(period.from));
  const [to, setTo] = useState(inputDate(period.to));
  const [touched, setTouched] = useState(false);
  const start = parseDate(from);
  const end = parseDate(to);
  const errors = {
    from: !start ? t('sales.invalidDate') : undefined,
    to: !end
      ? t('sales.invalidDate')
      : start && end < start
        ? t('sales.endBeforeStart')
        : start && periodDays({ from: start, to: end }) > MAX_PERIOD_DAYS
          ? t('sales.tooLong', { count: MAX_PERIOD_DAYS })
          : undefined,
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (errors.from || errors.to || !start || !end) return;
    onApply({ from: start, to: end });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="report-form" aria-labelledby="period-heading">
      <Heading variant="h3" id="period-heading" mb="xs">
        {t('sales.period')}
      </Heading>
      <div className="report-form__dates">
        {(['from', 'to'] as const).map((key) => (
          <DateInput
            key={key}
            labelText={t(`sales.${key}`)}
            hintText={t('sales.dateHint')}
            value={key === 'from' ? from : to}
            onChange={({ value }) => (key === 'from' ? setFrom(value) : setTo(value))}
            status={touched && errors[key] ? 'error' : 'default'}
            statusText={touched ? errors[key] : undefined}
          />
        ))}
      </div>
      <div className="button-row">
        <Button type="submit">{t('sales.show')}</Button>
      </div>
    </form>
  );
}

function SalesTable({ lines, caption }: { lines: SaleLine[]; caption: string }) {
  const { t } = useTranslation('shop');
  const language = currentLanguage();
  const money = (cents: number) => formatMoney(cents, language);
  const total = lines.reduce((sum, l) => sum + l.totalCents, 0);
  const vat = lines.reduce((sum, l) => sum + l.vatCents, 0);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="report-table sales-table">
        <caption>
          <span>{caption}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('sales.paidAt')}</th>
            <th scope="col">{t('sales.buyer')}</th>
            <th scope="col">{t('sales.product')}</th>
            <th scope="col" className="number">
              {t('sales.quantity')}
            </th>
            <th scope="col" className="number">
              {t('sales.vatRate')}
            </th>
            <th scope="col" className="number">
              {t('sales.vat')}
            </th>
            <th scope="col" className="number">
              {t('sales.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.lineId}>
              <td>{formatDateTime(line.paidAt, language)}</td>
              <td>{line.buyer}</td>
              <td>
                {line.kind === 'sale'
                  ? line.product
                  : t(`sales.givenBack.${line.kind}`, { product: line.product })}
              </td>
              <td className="number">{line.quantity ?? '–'}</td>
              <td className="number">{formatVatRate(line.vatRateBp, language)}</td>
              <td className="number">{money(line.vatCents)}</td>
              <td className="number">{money(line.totalCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={5}>
              {t('sales.sum')}
            </th>
            <td className="number">{money(vat)}</td>
            <td className="number">{money(total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function Sales({ slug, period }: { slug: string; period: SalesPeriod }) {
  const { t } = useTranslation('shop');
  const language = currentLanguage();
  const sales = useSales(slug, period);
  const shown = formatPeriod(period, language);
  const lines = sales.data?.items;
  return (
    <>
      <Paragraph mb="s" role="status">
        {lines ? t('sales.showing', { period: shown, count: lines.length }) : ''}
      </Paragraph>
      {sales.isPending && <Loading text={t('loading')} />}
      {sales.isError && <ErrorAlert error={sales.error} />}
      {lines && (
        <>
          <Paragraph mb="m">
            <Link href={salesCsvUrl(slug, period)} download>
              {t('sales.csv')}
            </Link>{' '}
            {t('sales.csvHint')}
          </Paragraph>
          {lines.length > 0 && (
            <SalesTable lines={lines} caption={t('sales.caption', { period: shown })} />
          )}
        </>
      )}
    </>
  );
}

/** Staff: what the shop sold in a period, and the invoices still to be paid. */
export function SalesPage() {
  const { t } = useTranslation('shop');
  const { slug } = useMunicipality();
  const [params, setParams] = useSearchParams();
  const period = periodOf(params);
  usePageTitle(t('sales.title'));

  return (
    <StaffOnly>
      <div className="page">
        <Heading variant="h1" mb="s">
          {t('sales.title')}
        </Heading>
        <Paragraph mb="m">{t('sales.intro')}</Paragraph>
        <section aria-labelledby="sales-heading" className="form-section">
          <Heading variant="h2" id="sales-heading" mb="s">
            {t('sales.heading')}
          </Heading>
          <PeriodForm
            key={`${period.from}:${period.to}`}
            period={period}
            onApply={(next) => setParams(new URLSearchParams({ ...next }), { replace: true })}
          />
          <Sales slug={slug} period={period} />
        </section>
        <InvoicesSection slug={slug} />
      </div>
    </StaffOnly>
  );
}
