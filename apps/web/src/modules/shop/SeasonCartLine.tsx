import { useTranslation } from 'react-i18next';
import { Button, IconRemove } from 'suomifi-ui-components';
import type { OrderLine, Reservation } from '../../api/client';
import { ErrorAlert } from '../../app/feedback';
import { currentLanguage } from '../../i18n';
import { formatDay, formatMoment, formatSpan, localParts } from '../bookings/time';
import { formatMoney, formatVatRate } from './money';
import { useRemoveSeason } from './queries';
import { sumCents } from './seasons';

/**
 * A season's weeks held in the cart as one thing: the facility, the first week and the last
 * day, how many weeks, the price of a week and the total, how long they are kept, and Remove,
 * which cancels the season's coming weeks so the times are free again.
 */
export function SeasonCartLine(props: {
  seriesId: string;
  lines: OrderLine[];
  weeks: Reservation[];
  now: number;
  slug: string;
  onChanged: (message: string, removed: boolean) => void;
}) {
  const { seriesId, lines, weeks, now, slug, onChanged } = props;
  const { t } = useTranslation('shop');
  const language = currentLanguage();
  const remove = useRemoveSeason(slug);
  const sorted = [...weeks].sort((a, b) => a.start.localeCompare(b.start));
  const first = sorted[0];
  const last = sorted.at(-1);
  const name = first
    ? t('cart.season.name', {
        resource: first.resourceName[language],
        first: formatSpan(first.start, first.end, language),
        last: formatDay(localParts(new Date(last!.start)).date, language),
      })
    : lines[0]!.name;
  const holds = sorted.flatMap((w) => (w.heldUntil ? [w.heldUntil] : []));
  const heldUntil = holds.length ? holds.reduce((a, b) => (a < b ? a : b)) : null;
  const expired = heldUntil !== null && Date.parse(heldUntil) <= now;
  const line = lines[0]!;

  async function onRemove() {
    if (remove.isPending) return;
    try {
      await remove.mutateAsync(seriesId);
    } catch {
      return; // shown by remove.isError
    }
    onChanged(t('cart.season.removed', { name }), true);
  }

  return (
    <li className="order-line order-line--booking order-line--season">
      <p className="order-line__kind">{t('cart.season.kind')}</p>
      <div className="order-line__head">
        <span className="order-line__name">{name}</span>
        <span className="order-line__total">{formatMoney(sumCents(lines), language)}</span>
      </div>
      <p className="order-line__unit">
        {t('cart.season.weeks', { count: lines.length })} ×{' '}
        {formatMoney(line.unitPriceCents, language)}
        {' · '}
        {t('summary.vatRate', { rate: formatVatRate(line.vatRateBp, language) })}
      </p>
      {heldUntil && (
        <p className={`order-line__hold${expired ? ' order-line__hold--expired' : ''}`}>
          {t(expired ? 'cart.season.expired' : 'cart.season.heldUntil', {
            time: formatMoment(heldUntil, language),
          })}
        </p>
      )}
      <div className="button-row">
        <Button
          variant="secondaryNoBorder"
          icon={<IconRemove />}
          aria-label={t('cart.season.removeLabel', { name })}
          disabled={remove.isPending}
          onClick={() => void onRemove()}
        >
          {t('cart.remove')}
        </Button>
      </div>
      {remove.isError && <ErrorAlert error={remove.error} />}
    </li>
  );
}
