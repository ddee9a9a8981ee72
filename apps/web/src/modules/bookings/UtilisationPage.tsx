import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  Button,
  DateInput,
  Dropdown,
  DropdownItem,
  Heading,
  Link,
  Paragraph,
} from 'suomifi-ui-components';
import { utilisationCsvUrl, type UtilisationQuery } from '../../api/client';
import { ErrorAlert, Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import {
  formatPeriod,
  inputDate,
  lastFourWeeks,
  lastMonth,
  MAX_PERIOD_DAYS,
  periodDays,
  thisYear,
  type Period,
} from './period';
import { useResources, useUtilisationReport } from './queries';
import { StaffOnly } from './StaffOnly';
import { parseDate } from './time';
import { FacilityTable, Heatmap } from './UtilisationTables';
import './bookings.css';
import './utilisation.css';

const ALL = 'all';

/** The report is kept in the address (?from=&to=&resourceId=) for reloading and sharing. */
function queryOf(params: URLSearchParams): UtilisationQuery {
  const from = parseDate(params.get('from') ?? '');
  const to = parseDate(params.get('to') ?? '');
  const period = from && to && to >= from ? { from, to } : lastFourWeeks();
  const resourceId = params.get('resourceId');
  return resourceId ? { ...period, resourceId } : period;
}

function PeriodForm(props: {
  slug: string;
  query: UtilisationQuery;
  onApply: (q: UtilisationQuery) => void;
}) {
  const { slug, query, onApply } = props;
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  const resources = useResources(slug, {});
  const [from, setFrom] = useState(inputDate(query.from));
  const [to, setTo] = useState(inputDate(query.to));
  const [resourceId, setResourceId] = useState(query.resourceId ?? ALL);
  const [touched, setTouched] = useState(false);

  const start = parseDate(from);
  const end = parseDate(to);
  const errors = {
    from: !from.trim() ? t('required') : !start ? t('block.invalidDate') : undefined,
    to: !to.trim()
      ? t('required')
      : !end
        ? t('block.invalidDate')
        : start && end < start
          ? t('utilisation.endBeforeStart')
          : start && periodDays({ from: start, to: end }) > MAX_PERIOD_DAYS
            ? t('utilisation.tooLong', { count: MAX_PERIOD_DAYS })
            : undefined,
  };
  const shown = (key: keyof typeof errors) => (touched ? errors[key] : undefined);

  const apply = (period: Period) =>
    onApply(resourceId === ALL ? period : { ...period, resourceId });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (errors.from || errors.to || !start || !end) return;
    apply({ from: start, to: end });
  }

  function quick(period: Period) {
    setFrom(inputDate(period.from));
    setTo(inputDate(period.to));
    setTouched(false);
    apply(period);
  }

  const items = resources.data?.items ?? [];
  return (
    <form onSubmit={onSubmit} noValidate className="report-form" aria-labelledby="period-heading">
      <Heading variant="h2" id="period-heading" mb="xs">
        {t('utilisation.period')}
      </Heading>
      <div className="report-form__dates">
        {(['from', 'to'] as const).map((key) => (
          <DateInput
            key={key}
            labelText={t(`utilisation.${key}`)}
            hintText={t('block.dateHint')}
            value={key === 'from' ? from : to}
            onChange={({ value }) => (key === 'from' ? setFrom(value) : setTo(value))}
            status={shown(key) ? 'error' : 'default'}
            statusText={shown(key)}
          />
        ))}
      </div>
      {resources.isError && <ErrorAlert error={resources.error} />}
      {/* The Suomi.fi Dropdown fails without items: it is shown once the facilities are in. */}
      {resources.isSuccess && (
        <Dropdown<string>
          labelText={t('utilisation.resource')}
          value={resourceId}
          onChange={setResourceId}
          fullWidth
        >
          {[
            <DropdownItem key={ALL} value={ALL}>
              {t('utilisation.allResources')}
            </DropdownItem>,
            ...items.map((r) => (
              <DropdownItem key={r.id} value={r.id}>
                {r.name[language]}
              </DropdownItem>
            )),
          ]}
        </Dropdown>
      )}
      <div className="button-row">
        <Button type="submit">{t('utilisation.submit')}</Button>
      </div>
      <div className="button-row" role="group" aria-label={t('utilisation.quick')}>
        <Button variant="secondary" onClick={() => quick(lastFourWeeks())}>
          {t('utilisation.lastFourWeeks')}
        </Button>
        <Button variant="secondary" onClick={() => quick(lastMonth())}>
          {t('utilisation.lastMonth')}
        </Button>
        <Button variant="secondary" onClick={() => quick(thisYear())}>
          {t('utilisation.thisYear')}
        </Button>
      </div>
    </form>
  );
}

function Report({ slug, query }: { slug: string; query: UtilisationQuery }) {
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  const report = useUtilisationReport(slug, query);
  const resources = useResources(slug, {});
  const chosen = resources.data?.items.find((r) => r.id === query.resourceId);
  const scope = chosen ? chosen.name[language] : t('utilisation.allResources').toLowerCase();
  const period = formatPeriod(query, language);

  return (
    <section aria-labelledby="report-heading" className="form-section">
      <Heading variant="h2" id="report-heading" mb="xs">
        {t('utilisation.reportHeading')}
      </Heading>
      <Paragraph mb="s" role="status">
        {report.isSuccess ? t('utilisation.showing', { period, scope }) : ''}
      </Paragraph>
      {report.isPending && <Loading text={t('loading')} />}
      {report.isError && <ErrorAlert error={report.error} />}
      {report.data && (
        <>
          <Paragraph mb="m">
            <Link href={utilisationCsvUrl(slug, query)} download>
              {t('utilisation.csv')}
            </Link>{' '}
            {t('utilisation.csvHint')}
          </Paragraph>
          <FacilityTable rows={report.data.resources} period={period} />
          <Heatmap cells={report.data.heatmap} period={period} scope={scope} />
        </>
      )}
    </section>
  );
}

/** Facility staff and admins: how much of the open time of the facilities was booked. */
export function UtilisationPage() {
  const { t } = useTranslation('bookings');
  const { slug } = useMunicipality();
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  usePageTitle(t('utilisation.title'));

  const onApply = (next: UtilisationQuery) =>
    setParams(new URLSearchParams({ ...next }), { replace: true });

  return (
    <StaffOnly>
      <div className="page">
        <Heading variant="h1" mb="s" className="report-title">
          {t('utilisation.title')}
        </Heading>
        <Paragraph mb="m">{t('utilisation.intro')}</Paragraph>
        <PeriodForm slug={slug} query={query} onApply={onApply} />
        <Report slug={slug} query={query} />
      </div>
    </StaffOnly>
  );
}
