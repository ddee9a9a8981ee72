import { useTranslation } from 'react-i18next';
import { Button, IconRemove } from 'suomifi-ui-components';
import type { OrderLine, Reservation } from '../../api/client';
import { ErrorAlert } from '../../app/feedback';
import { currentLanguage } from '../../i18n';
import { formatMoment, formatSpan } from '../bookings/time';
import { formatMoney } from './money';
import { LineDetails } from './OrderSummary';
import { useRemoveBooking } from './queries';

/**
 * A held booking in the cart: what and when, its price, how long it is kept for the buyer, and
 * Remove, which cancels the booking so that the time is free again.
 */
export function BookingCartLine(props: {
  line: OrderLine & { reservationId: string };
  /** The booking itself (from My bookings) when known: its name in the UI language, its hold. */
  reservation: Reservation | undefined;
  now: number;
  slug: string;
  onChanged: (message: string, removed: boolean) => void;
}) {
  const { line, reservation, now, slug, onChanged } = props;
  const { t } = useTranslation('shop');
  const language = currentLanguage();
  const remove = useRemoveBooking(slug);
  const name = reservation
    ? `${reservation.resourceName[language]} ${formatSpan(reservation.start, reservation.end, language)}`
    : line.name;
  const heldUntil = reservation?.heldUntil ?? null;
  // The server releases an unpaid hold soon after it ends; until then it is shown as ended.
  const expired = heldUntil !== null && Date.parse(heldUntil) <= now;

  // mutateAsync: the line leaves the cart (this component unmounts) when the cart is
  // refreshed, and the callbacks of plain mutate() would not run for an unmounted component.
  async function onRemove() {
    if (remove.isPending) return;
    try {
      await remove.mutateAsync(line.reservationId);
    } catch {
      return; // shown by remove.isError
    }
    onChanged(t('cart.booking.removed', { name }), true);
  }

  return (
    <li className="order-line order-line--booking">
      <p className="order-line__kind">{t('cart.booking.kind')}</p>
      <div className="order-line__head">
        <span className="order-line__name">{name}</span>
        <span className="order-line__total">{formatMoney(line.totalCents, language)}</span>
      </div>
      <LineDetails line={line} />
      {heldUntil && !expired && (
        <p className="order-line__hold">
          {t('cart.booking.heldUntil', { time: formatMoment(heldUntil, language) })}
        </p>
      )}
      {heldUntil && expired && (
        <p className="order-line__hold order-line__hold--expired">
          {t('cart.booking.expired', { time: formatMoment(heldUntil, language) })}
        </p>
      )}
      <div className="button-row">
        <Button
          variant="secondaryNoBorder"
          icon={<IconRemove />}
          aria-label={t('cart.booking.removeLabel', { name })}
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
