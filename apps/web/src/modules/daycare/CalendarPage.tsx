import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { ErrorAlert, Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage, type Language } from '../../i18n';
import { formatDay, formatTime } from '../bookings/time';
import { formatDays } from './format';
import { CalendarFeed } from '../bookings/CalendarFeed';
import { useFamilyCalendar, type CalendarItem } from './discussions.queries';
import './daycare.css';
import './discussions.css';

function when(item: CalendarItem, language: Language): string {
  if (item.startsAt && item.endsAt && item.startDate === item.endDate) {
    return `${formatTime(item.startsAt, language)}–${formatTime(item.endsAt, language)}`;
  }
  if (item.startsAt && item.endsAt) {
    const at = (iso: string, day: string) =>
      `${formatDay(day, language)} ${formatTime(iso, language)}`;
    return `${at(item.startsAt, item.startDate)}–${at(item.endsAt, item.endDate)}`;
  }
  return item.startDate === item.endDate ? '' : formatDays(item.startDate, item.endDate, language);
}

function Entry({ item }: { item: CalendarItem }) {
  const { t } = useTranslation('discussions');
  const { t: td } = useTranslation('daycare');
  const language = currentLanguage();
  const time = when(item, language);
  const title =
    item.kind === 'absence' && item.category
      ? t('calendar.absence', { category: td(`category.${item.category}`) })
      : item.title;
  return (
    <li className={`agenda-entry agenda-entry--${item.kind}`}>
      <p className="agenda-entry__kind">{t(`calendar.kind.${item.kind}`)}</p>
      <p className="agenda-entry__title">{title}</p>
      {time && <p>{time}</p>}
      <p>{item.children.join(', ')}</p>
      {item.kind === 'discussion' && <p>{t('guardian.with', { staff: item.description })}</p>}
      {item.kind !== 'discussion' && item.description && <p>{item.description}</p>}
      {item.place && <p>{item.place}</p>}
    </li>
  );
}

/**
 * The family's calendar as an agenda by day (mobile first): booked discussion times, absences
 * and the events of the children's units and groups for the next weeks, and the address to
 * subscribe to in a calendar app.
 */
export function CalendarPage() {
  const { t } = useTranslation('discussions');
  const language = currentLanguage();
  const { slug } = useMunicipality();
  const calendar = useFamilyCalendar(slug);
  usePageTitle(t('calendar.title'));

  const days = new Map<string, CalendarItem[]>();
  for (const item of calendar.data?.items ?? []) {
    const day = item.startDate < calendar.data!.from ? calendar.data!.from : item.startDate;
    days.set(day, [...(days.get(day) ?? []), item]);
  }

  return (
    <div className="page daycare family-calendar">
      <Heading variant="h1" mb="s">
        {t('calendar.title')}
      </Heading>
      <Paragraph mb="s">{t('calendar.intro')}</Paragraph>
      <p>
        <Link to={`/${slug}/daycare/discussions`}>{t('guardian.link')}</Link>
      </p>
      {calendar.isPending && <Loading text={t('loading')} />}
      {calendar.isError && <ErrorAlert error={calendar.error} />}
      {calendar.data && (
        <section aria-labelledby="agenda-heading" className="form-section">
          <Heading variant="h2" id="agenda-heading" mb="s">
            {t('calendar.agenda', {
              from: formatDay(calendar.data.from, language),
              to: formatDay(calendar.data.to, language),
            })}
          </Heading>
          {days.size === 0 ? (
            <Paragraph>{t('calendar.empty')}</Paragraph>
          ) : (
            <ul className="agenda">
              {[...days].map(([day, items]) => (
                <li key={day} className="agenda-day">
                  <Heading variant="h3" as="h3" mb="xs">
                    {day === calendar.data.from
                      ? t('calendar.today', { day: formatDay(day, language) })
                      : formatDay(day, language)}
                  </Heading>
                  <ul className="agenda-day__entries">
                    {items.map((item) => (
                      <Entry key={`${item.kind}-${item.id}`} item={item} />
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <CalendarFeed slug={slug} namespace="discussions" />
    </div>
  );
}
