import type { Tx } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/http/context.js';
import { notifyPerson } from '../../platform/notifications/notifications.service.js';
import { isLanguage, translate } from '../../platform/i18n/messages.js';
import { formatTimeSpan } from '../../platform/i18n/time.js';
import { formatEuros } from '../shop/money.js';

export type SeriesNoticeKey =
  | 'reservationSeriesConfirmed'
  | 'reservationSeriesApproved'
  | 'reservationSeriesApprovedPay'
  | 'reservationSeriesDenied'
  | 'reservationSeriesCancelled';

/**
 * Tell the booker once about a whole season (its weeks were confirmed, approved, denied or
 * cancelled), not once per week: the first and the last week, how many, what it costs and, on
 * a cancellation, what comes back.
 */
export async function notifySeries(
  tx: Tx,
  ctx: Ctx,
  weeks: {
    personId: string;
    start: Date;
    end: Date;
    resource: Record<'fi' | 'sv' | 'en', string>;
  }[],
  key: SeriesNoticeKey,
  extra: { reason?: string; totalCents?: number; refundCents?: number; credit?: boolean } = {},
) {
  const first = weeks[0];
  if (!first) return;
  const last = weeks.at(-1)!;
  const person = await tx
    .selectFrom('people')
    .select(['language', 'email'])
    .where('id', '=', first.personId)
    .executeTakeFirst();
  const language = isLanguage(person?.language) ? person.language : 'fi';
  const money = (cents: number) => formatEuros(cents, language);
  const params = {
    resource: first.resource[language],
    first: formatTimeSpan(language, first.start, first.end),
    last: formatTimeSpan(language, last.start, last.end),
    count: weeks.length,
    reason: extra.reason || '–',
    total: money(extra.totalCents ?? 0),
  };
  const refund =
    extra.refundCents && extra.refundCents > 0
      ? ' ' +
        translate(
          language,
          extra.credit ? 'notification.seriesCredit' : 'notification.seriesRefund',
          {
            amount: money(extra.refundCents),
          },
        )
      : '';
  await notifyPerson(
    tx,
    ctx,
    { id: first.personId, email: person?.email ?? null, language },
    {
      title: translate(language, `notification.${key}`, params),
      body: translate(language, `notification.${key}.body`, params) + refund,
      link: `/${ctx.municipality.slug}/bookings/mine`,
    },
    'bookings',
  );
}
