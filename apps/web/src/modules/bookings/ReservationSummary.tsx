import { useTranslation } from 'react-i18next';
import { Heading, StaticChip } from 'suomifi-ui-components';
import type { Reservation } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { formatSpan } from './time';

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

/** The facts of one reservation; `showBooker` for staff lists. */
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
