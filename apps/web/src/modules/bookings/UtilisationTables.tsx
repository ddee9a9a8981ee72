import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from 'suomifi-ui-components';
import type { UtilisationReport } from '../../api/client';
import { localeOf } from '../../app/format';
import { currentLanguage, type Language } from '../../i18n';
import { formatClock, TIME_ZONE, weekdayName } from './time';

type Row = UtilisationReport['resources'][number];
type Cell = UtilisationReport['heatmap'][number];

const percentFormat = (language: Language) =>
  new Intl.NumberFormat(localeOf(language), {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });

const hoursFormat = (language: Language) =>
  new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 });

/** Hidden from sight, read by screen readers (e.g. what a "–" means). */
const Hidden = ({ children }: { children: string }) => (
  <span className="visually-hidden">{children}</span>
);

/** No open time (or all of it blocked): a dash that screen readers read as words. */
function NoRate() {
  const { t } = useTranslation('bookings');
  return (
    <>
      <span aria-hidden="true">–</span>
      <Hidden>{t('utilisation.noOpenTime')}</Hidden>
    </>
  );
}

/** Lowest utilisation first, the facilities without open time last. */
const byUtilisation = (language: Language) => (a: Row, b: Row) =>
  (a.utilisation ?? 2) - (b.utilisation ?? 2) ||
  a.name[language].localeCompare(b.name[language], localeOf(language));

export function FacilityTable({ rows, period }: { rows: Row[]; period: string }) {
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  const percent = percentFormat(language);
  const hours = hoursFormat(language);
  const caption = t('utilisation.facilityCaption', { period });
  const sorted = [...rows].sort(byUtilisation(language));

  return (
    <div className="form-section">
      <Heading variant="h3" mb="s">
        {t('utilisation.byFacility')}
      </Heading>
      {sorted.length === 0 ? (
        <Paragraph>{t('utilisation.noFacilities')}</Paragraph>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
          <table className="report-table">
            <caption>
              <span>{caption}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('utilisation.facility')}</th>
                <th scope="col">{t('utilisation.openHours')}</th>
                <th scope="col">{t('utilisation.bookedHours')}</th>
                <th scope="col">{t('utilisation.blockedHours')}</th>
                <th scope="col">{t('utilisation.rate')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((row) => (
                <tr key={row.resourceId}>
                  <th scope="row">{row.name[language]}</th>
                  <td>{hours.format(row.openHours)}</td>
                  <td>{hours.format(row.bookedHours)}</td>
                  <td>{hours.format(row.blockedHours)}</td>
                  <td className="report-table__rate">
                    {row.utilisation === null ? <NoRate /> : percent.format(row.utilisation)}
                    {/* The bar repeats the number in the same cell: decoration only. */}
                    <span className="rate-bar" aria-hidden="true">
                      <span
                        className="rate-bar__fill"
                        style={{ width: `${Math.min(100, (row.utilisation ?? 0) * 100)}%` }}
                      />
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** Shade steps of 20 percentage points; the CSS gives each a text colour with ≥ 4.5:1 contrast. */
const STEPS = 5;
const shadeOf = (rate: number) => Math.min(STEPS - 1, Math.floor(rate * STEPS));

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
const noonOf = (weekday: number) => new Date(Date.UTC(2024, 0, weekday, 12)); // 1.1.2024 = Monday

function weekdayNames(language: Language) {
  const format = new Intl.DateTimeFormat(localeOf(language), {
    weekday: 'short',
    timeZone: TIME_ZONE,
  });
  return weekdays.map((day) => {
    const short = format.format(noonOf(day)).replace(/\.$/, '');
    return {
      day,
      short: short.charAt(0).toUpperCase() + short.slice(1),
      long: weekdayName(day, language),
    };
  });
}

const clock = (hour: number, language: Language) =>
  formatClock(`${String(hour).padStart(2, '0')}:00`, language);

function Legend() {
  const { t } = useTranslation('bookings');
  const percent = new Intl.NumberFormat(localeOf(currentLanguage()), { style: 'percent' });
  const steps = Array.from({ length: STEPS }, (_, i) => i);
  return (
    <div className="heat-legend">
      <p className="heat-legend__title" id="heat-legend-title">
        {t('utilisation.legend')}
      </p>
      <ul aria-labelledby="heat-legend-title">
        {steps.map((i) => (
          <li key={i}>
            <span className={`heat-swatch heat--${i}`} aria-hidden="true" />
            {`${(i * 100) / STEPS}–${percent.format((i + 1) / STEPS)}`}
          </li>
        ))}
        <li>
          <span className="heat-swatch heat--none" aria-hidden="true">
            –
          </span>
          {t('utilisation.noOpenTime')}
        </li>
      </ul>
    </div>
  );
}

export function Heatmap(props: { cells: Cell[]; period: string; scope: string }) {
  const { cells, period, scope } = props;
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  const percent = percentFormat(language);
  const open = cells.filter((c) => c.openHours > 0);
  const byKey = new Map(open.map((c) => [`${c.weekday}:${c.hour}`, c]));
  const first = Math.min(...open.map((c) => c.hour));
  const last = Math.max(...open.map((c) => c.hour));
  const hours = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const caption = t('utilisation.heatmapCaption', { period, scope });
  const days = weekdayNames(language);

  return (
    <div className="form-section">
      <Heading variant="h3" mb="xs">
        {t('utilisation.byTime')}
      </Heading>
      {open.length === 0 ? (
        <Paragraph>{t('utilisation.noOpenHours')}</Paragraph>
      ) : (
        <>
          <Paragraph mb="s">{t('utilisation.heatmapIntro')}</Paragraph>
          <Legend />
          <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
            <table className="heatmap">
              <caption>
                <span>{caption}</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('utilisation.hour')}</th>
                  {days.map((d) => (
                    <th key={d.day} scope="col">
                      <span aria-hidden="true">{d.short}</span>
                      <Hidden>{d.long}</Hidden>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {hours.map((hour) => (
                  <tr key={hour}>
                    <th scope="row">{`${clock(hour, language)}–${clock(hour + 1, language)}`}</th>
                    {days.map(({ day }) => {
                      const rate = byKey.get(`${day}:${hour}`)?.utilisation ?? null;
                      return rate === null ? (
                        <td key={day} className="heat--none">
                          <NoRate />
                        </td>
                      ) : (
                        <td key={day} className={`heat--${shadeOf(rate)}`}>
                          {percent.format(rate)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
