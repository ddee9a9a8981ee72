import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Heading, StaticChip } from 'suomifi-ui-components';
import type { Reservation } from '../../api/client';
import { currentLanguage, type Language } from '../../i18n';
import { formatMoney } from '../shop/money';
import { refundsInFull } from './price';
import { formatMoment, formatSpan } from './time';

/** The door PIN of a self-service booking (the API gives it to the booker only). */
export function AccessPin({ access }: { access: NonNullable<Reservation['access']> }) {
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  return (
    <>
      <dt>{t('reservation.pin')}</dt>
      <dd>
        <strong className="access-pin">{access.pin}</strong>{' '}
        {t('reservation.pinValid', {
          time: formatSpan(access.validFrom, access.validUntil, language),
        })}
      </dd>
    </>
  );
}

/** Where the money of a priced booking stands, in words. */
export function paymentText(item: Reservation, t: TFunction<'bookings'>, language: Language) {
  switch (item.payment) {
    case 'free':
      return t('payment.free');
    case 'paid':
      return t('payment.paid');
    case 'invoiced':
      return t('payment.invoiced');
    case 'refunded':
      return t('payment.refunded', { amount: formatMoney(item.refundedCents, language) });
    case 'credited':
      return t('payment.credited', { amount: formatMoney(item.refundedCents, language) });
    case 'unpaid':
      if (item.status === 'held' && item.heldUntil)
        return t('payment.unpaidHeld', { time: formatMoment(item.heldUntil, language) });
      if (item.status === 'requested') return t('payment.unpaidRequested');
      if (item.status === 'cancelled' || item.status === 'denied') return t('payment.notPaid');
      return t('payment.unpaid');
  }
}

const isActive = (item: Reservation) =>
  item.status === 'held' || item.status === 'requested' || item.status === 'confirmed';

/**
 * The facts of one reservation; `showBooker` for staff lists. A booking shows its price and,
 * when priced, the payment; the booker also sees until when cancelling is free.
 */
export function ReservationSummary({
  item,
  showBooker = false,
}: {
  item: Reservation;
  showBooker?: boolean;
}) {
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  return (
    <>
      <div className="reservation__head">
        <Heading variant="h4" as="h3">
          {item.resourceName[language]}
        </Heading>
        <StaticChip className={`status status--${item.status}`}>
          {t(`status.${item.status}`)}
        </StaticChip>
      </div>
      <dl className="facts">
        <dt>{t('reservation.time')}</dt>
        <dd>
          <time dateTime={item.start}>{formatSpan(item.start, item.end, language)}</time>
        </dd>
        {showBooker && (
          <>
            <dt>{t('reservation.booker')}</dt>
            <dd>{item.kind === 'block' ? t('reservation.block') : (item.bookerName ?? '–')}</dd>
          </>
        )}
        {item.organisation && (
          <>
            <dt>{t('reservation.organisation')}</dt>
            <dd>{item.organisation.name}</dd>
          </>
        )}
        {item.kind === 'booking' && (
          <>
            <dt>{t('reservation.price')}</dt>
            <dd>
              {item.priceCents > 0 ? formatMoney(item.priceCents, language) : t('payment.free')}
            </dd>
          </>
        )}
        {item.kind === 'booking' && item.priceCents > 0 && (
          <>
            <dt>{t('reservation.payment')}</dt>
            <dd>{paymentText(item, t, language)}</dd>
          </>
        )}
        {!showBooker &&
          (item.payment === 'paid' || item.payment === 'invoiced') &&
          isActive(item) &&
          item.freeCancellationUntil && (
            <>
              <dt>{t('reservation.freeCancellation')}</dt>
              <dd>
                {refundsInFull(item.freeCancellationUntil)
                  ? t('reservation.freeCancellationUntil', {
                      time: formatMoment(item.freeCancellationUntil, language),
                    })
                  : t('reservation.freeCancellationOver', {
                      time: formatMoment(item.freeCancellationUntil, language),
                    })}
              </dd>
            </>
          )}
        {item.purpose && (
          <>
            <dt>
              {item.kind === 'block' ? t('reservation.blockReason') : t('reservation.purpose')}
            </dt>
            <dd>{item.purpose}</dd>
          </>
        )}
        {item.attendees !== null && (
          <>
            <dt>{t('reservation.attendees')}</dt>
            <dd>{item.attendees}</dd>
          </>
        )}
        {item.decisionReason && (
          <>
            <dt>{t('reservation.decisionReason')}</dt>
            <dd>{item.decisionReason}</dd>
          </>
        )}
        {item.access && <AccessPin access={item.access} />}
        {item.cancelReason && (
          <>
            <dt>{t('reservation.cancelReason')}</dt>
            <dd>{item.cancelReason}</dd>
          </>
        )}
      </dl>
    </>
  );
}
