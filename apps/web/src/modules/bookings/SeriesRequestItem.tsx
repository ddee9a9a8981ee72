import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from 'suomifi-ui-components';
import type { Reservation } from '../../api/client';
import { ErrorAlert } from '../../app/feedback';
import { currentLanguage } from '../../i18n';
import { formatMoney } from '../shop/money';
import { DecisionControls } from './DecisionControls';
import { APPROVED_PAYMENT_DAYS } from './price';
import { useDecideSeries } from './queries';
import { formatSpan } from './time';

/**
 * A season request (a club's weekly slot) decided as a whole, as staff allocate a hall's
 * regular slots: who asks, for whom, the first and last week, how many and the total price.
 * Approved weeks with a price go together to the booker's (or their organisation's) cart.
 */
export function SeriesRequestItem(props: {
  weeks: Reservation[];
  slug: string;
  onDecided: (text: string) => void;
}) {
  const { weeks, slug, onDecided } = props;
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  const decide = useDecideSeries(slug);
  const [reason, setReason] = useState('');
  const first = weeks[0]!;
  const last = weeks.at(-1)!;
  const total = weeks.reduce((sum, w) => sum + w.priceCents, 0);
  const who = first.organisation
    ? `${first.organisation.name} (${first.bookerName ?? '–'})`
    : (first.bookerName ?? '–');
  const what = t('season.what', {
    resource: first.resourceName[language],
    first: formatSpan(first.start, first.end, language),
    last: formatSpan(last.start, last.end, language),
    count: weeks.length,
  });

  async function send(approve: boolean) {
    if (decide.isPending) return;
    try {
      await decide.mutateAsync({
        seriesId: first.seriesId!,
        approve,
        reason: reason.trim() || undefined,
      });
    } catch {
      return; // shown by decide.isError
    }
    onDecided(
      !approve
        ? t('season.denied', { what, booker: who })
        : total > 0
          ? t('season.approvedPay', { what, booker: who, count: APPROVED_PAYMENT_DAYS })
          : t('season.approved', { what, booker: who }),
    );
  }

  return (
    <li className="reservation">
      <div className="reservation__head">
        <Heading variant="h4" as="h3">
          {t('season.heading', { resource: first.resourceName[language] })}
        </Heading>
      </div>
      <dl className="facts">
        <dt>{t('season.times')}</dt>
        <dd>{what}</dd>
        <dt>{t('reservation.booker')}</dt>
        <dd>{who}</dd>
        <dt>{t('reservation.price')}</dt>
        <dd>
          {total > 0
            ? t('season.price', {
                total: formatMoney(total, language),
                week: formatMoney(first.priceCents, language),
              })
            : t('payment.free')}
        </dd>
        {first.purpose && (
          <>
            <dt>{t('reservation.purpose')}</dt>
            <dd>{first.purpose}</dd>
          </>
        )}
      </dl>
      {decide.isError && <ErrorAlert error={decide.error} />}
      <DecisionControls
        reason={reason}
        onReason={setReason}
        pending={decide.isPending}
        approve={{
          text: t('season.approve'),
          label: t('season.approveLabel', { what, booker: who }),
        }}
        deny={{ text: t('season.deny'), label: t('season.denyLabel', { what, booker: who }) }}
        onDecide={(approve) => void send(approve)}
      />
    </li>
  );
}
