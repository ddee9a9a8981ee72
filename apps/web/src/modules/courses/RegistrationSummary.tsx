import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink } from 'react-router-dom';
import { Heading, RouterLink, StaticChip } from 'suomifi-ui-components';
import type { CourseRegistration } from '../../api/client';
import { currentLanguage, type Language } from '../../i18n';
import { refundsInFull } from '../bookings/price';
import { formatMoney } from '../shop/money';
import { formatWhen, formatDateTimeLong } from './format';

/** "Lasten uimakoulu, alkeet: Eino Virtanen": a registration named in texts and labels. */
export function registrationWhat(r: CourseRegistration, language = currentLanguage()) {
  return `${r.courseName[language]}: ${r.child.firstName} ${r.child.lastName}`;
}

/**
 * Where the status stands, in words, with its deadline or waitlist position: addressed to the
 * guardian, or (forStaff) about the guardian.
 */
export function statusDetail(
  r: CourseRegistration,
  t: TFunction<'courses'>,
  language: Language,
  forStaff = false,
) {
  switch (r.status) {
    case 'held':
      if (!r.heldUntil) return null;
      return t(forStaff ? 'admin.heldUntil' : 'mine.heldUntil', {
        time: formatWhen(r.heldUntil, language),
      });
    case 'waitlisted':
      return t('mine.waitlisted', { position: r.waitlistPosition ?? '–' });
    case 'offered':
      if (!r.offeredUntil) return null;
      return t(forStaff ? 'admin.offeredUntil' : 'mine.offeredUntil', {
        time: formatWhen(r.offeredUntil, language),
      });
    default:
      return null;
  }
}

/** Where the money stands. */
export function paymentText(r: CourseRegistration, t: TFunction<'courses'>, language: Language) {
  switch (r.payment) {
    case 'free':
      return t('payment.free');
    case 'paid':
      return t('payment.paid');
    case 'refunded':
      return t('payment.refunded', { amount: formatMoney(r.refundedCents, language) });
    case 'unpaid':
      if (r.status === 'held') return t('payment.unpaidHeld');
      if (r.status === 'waitlisted' || r.status === 'offered') return t('payment.later');
      return t('payment.notPaid');
  }
}

const isActive = (r: CourseRegistration) =>
  r.status === 'held' ||
  r.status === 'confirmed' ||
  r.status === 'waitlisted' ||
  r.status === 'offered';

/** The facts of one registration of the guardian's: child, status, price, payment, refund rule. */
export function RegistrationSummary(props: { item: CourseRegistration; slug: string }) {
  const { item, slug } = props;
  const { t } = useTranslation('courses');
  const language = currentLanguage();
  const detail = statusDetail(item, t, language);
  return (
    <>
      <div className="registration__head">
        <Heading variant="h4" as="h3">
          <RouterLink asComponent={RouterDomLink} to={`/${slug}/courses/${item.courseId}`}>
            {item.courseName[language]}
          </RouterLink>
          <span className="registration__child">: {item.child.firstName}</span>
        </Heading>
        <StaticChip className={`reg-status reg-status--${item.status}`}>
          {t(`status.${item.status}`)}
        </StaticChip>
      </div>
      <dl className="facts">
        <dt>{t('mine.child')}</dt>
        <dd>
          {item.child.firstName} {item.child.lastName}
        </dd>
        {detail && (
          <>
            <dt>{t('mine.state')}</dt>
            <dd>{detail}</dd>
          </>
        )}
        <dt>{t('mine.price')}</dt>
        <dd>{item.priceCents > 0 ? formatMoney(item.priceCents, language) : t('payment.free')}</dd>
        {item.priceCents > 0 && (
          <>
            <dt>{t('mine.payment')}</dt>
            <dd>{paymentText(item, t, language)}</dd>
          </>
        )}
        {item.payment === 'paid' && isActive(item) && item.freeCancellationUntil && (
          <>
            <dt>{t('mine.freeCancellation')}</dt>
            <dd>
              {refundsInFull(item.freeCancellationUntil)
                ? t('mine.freeCancellationUntil', {
                    time: formatWhen(item.freeCancellationUntil, language),
                  })
                : t('mine.freeCancellationOver', {
                    time: formatWhen(item.freeCancellationUntil, language),
                  })}
            </dd>
          </>
        )}
        <dt>{t('mine.registered')}</dt>
        <dd>{formatDateTimeLong(item.createdAt, language)}</dd>
      </dl>
    </>
  );
}
