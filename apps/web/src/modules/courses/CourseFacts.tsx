import { useTranslation } from 'react-i18next';
import { StaticChip } from 'suomifi-ui-components';
import type { Course } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { priceText, seatsText, sessionsSummary, formatDateTimeLong } from './format';

/** "Ilmoittautuminen alkaa 29.11.2026 klo 18.00" / "… auki … asti" / "… päättynyt". */
export function RegistrationState({ course }: { course: Course }) {
  const { t } = useTranslation('courses');
  const language = currentLanguage();
  switch (course.registration) {
    case 'upcoming':
      return (
        <>
          {t('state.upcoming', { time: formatDateTimeLong(course.registrationOpensAt, language) })}
        </>
      );
    case 'open':
      return (
        <>{t('state.open', { time: formatDateTimeLong(course.registrationClosesAt, language) })}</>
      );
    case 'closed':
      return <>{t('state.closed')}</>;
    case 'cancelled':
      return <>{t('state.cancelled')}</>;
  }
}

/**
 * Place, ages, schedule, seats, the asker's price and how registration goes: for the course
 * cards and the course page. `signedIn` picks the price label (a visitor sees the price for
 * non-residents).
 */
export function CourseFacts({ course, signedIn }: { course: Course; signedIn: boolean }) {
  const { t } = useTranslation('courses');
  const language = currentLanguage();
  return (
    <>
      <dl className="facts course-facts">
        <dt>{t('facts.location')}</dt>
        <dd>{course.location}</dd>
        <dt>{t('facts.ages')}</dt>
        <dd>{t('facts.agesValue', { min: course.ageMin, max: course.ageMax })}</dd>
        <dt>{t('facts.sessions')}</dt>
        <dd>{sessionsSummary(course, language, t)}</dd>
        <dt>{t('facts.seats')}</dt>
        <dd>{seatsText(course, t)}</dd>
        <dt>{signedIn ? t('facts.yourPrice') : t('facts.price')}</dt>
        <dd>{priceText(course, language, t)}</dd>
        <dt>{t('facts.registration')}</dt>
        <dd>
          <RegistrationState course={course} />
        </dd>
      </dl>
      <ul className="badge-list" aria-label={t('facts.badges')}>
        <li>
          <StaticChip className={`course-state course-state--${course.registration}`}>
            {t(`stateChip.${course.registration}`)}
          </StaticChip>
        </li>
        <li>
          <StaticChip>{t(`mode.${course.registrationMode}`)}</StaticChip>
        </li>
      </ul>
    </>
  );
}
