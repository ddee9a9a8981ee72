import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, useLocation } from 'react-router-dom';
import { Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import type { Course } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { useNow } from './clock';
import { RegistrationForm } from './RegistrationForm';
import { WaitingRoom } from './WaitingRoom';
import { formatDateTimeLong } from './format';

/**
 * The refund rule: with the deadline itself when the sessions are known (the first session
 * less cancelFreeHours, as the API counts it), in days when the hours are whole days.
 */
function cancellationRule(course: Course, t: TFunction<'courses'>) {
  const first = course.sessions[0];
  const hours = course.cancelFreeHours;
  if (!first) return t('rules.cancellation', { count: hours });
  const time = formatDateTimeLong(
    new Date(Date.parse(first.start) - hours * 3_600_000).toISOString(),
    currentLanguage(),
  );
  return hours > 0 && hours % 24 === 0
    ? t('rules.cancellationDays', { count: hours / 24, time })
    : t('rules.cancellationAt', { count: hours, time });
}

/** How registering goes: the hold for payment, the refund rule and the waitlist rule. */
function Rules({ course }: { course: Course }) {
  const { t } = useTranslation('courses');
  const priced = course.priceCents !== null && course.priceCents > 0;
  return (
    <ul className="course-rules">
      {course.registrationMode === 'fair_queue' && (
        <li>{t('rules.fairQueue', { count: course.admissionMinutes })}</li>
      )}
      {priced && <li>{t('rules.hold', { count: course.holdMinutes })}</li>}
      {priced && <li>{cancellationRule(course, t)}</li>}
      <li>
        {course.waitlist
          ? t('rules.waitlist', { count: course.offerHours })
          : t('rules.noWaitlist')}
      </li>
    </ul>
  );
}

/**
 * The registration part of a course page: who may register when, and the form (first come)
 * or the waiting room (fair queue). A first-come course whose opening comes while the page is
 * open shows its form at the opening without a reload.
 */
export function RegistrationPanel(props: { course: Course; slug: string; signedIn: boolean }) {
  const { course, slug, signedIn } = props;
  const { t } = useTranslation('courses');
  const language = currentLanguage();
  const location = useLocation();
  const opens = Date.parse(course.registrationOpensAt);
  const closes = Date.parse(course.registrationClosesAt);
  const now = useNow(1000, course.registration === 'upcoming');
  const state =
    course.registration === 'upcoming' && now >= opens && now < closes
      ? 'open'
      : course.registration;
  const loginTo = `/${slug}/login?returnTo=${encodeURIComponent(location.pathname)}`;

  let body;
  if (state === 'cancelled') {
    body = <Paragraph>{t('register.cancelled', { reason: course.cancelReason ?? '' })}</Paragraph>;
  } else if (state === 'closed') {
    body = <Paragraph>{t('register.closed')}</Paragraph>;
  } else if (!signedIn) {
    body = (
      <Paragraph>
        <RouterLink asComponent={RouterDomLink} to={loginTo}>
          {course.registrationMode === 'fair_queue'
            ? t('register.loginForQueue')
            : t('register.login')}
        </RouterLink>
      </Paragraph>
    );
  } else if (course.priceCents === null) {
    body = <Paragraph>{t('register.notForYou')}</Paragraph>;
  } else if (course.registrationMode === 'fair_queue') {
    body = <WaitingRoom course={course} slug={slug} />;
  } else if (state === 'upcoming') {
    body = (
      <Paragraph>
        {t('register.opensAt', { time: formatDateTimeLong(course.registrationOpensAt, language) })}
      </Paragraph>
    );
  } else {
    body = <RegistrationForm course={course} slug={slug} />;
  }

  return (
    <section aria-labelledby="register-heading" className="form-section registration-panel">
      <Heading variant="h2" id="register-heading" mb="s">
        {t('register.heading')}
      </Heading>
      {state !== 'cancelled' && <Rules course={course} />}
      {body}
    </section>
  );
}
