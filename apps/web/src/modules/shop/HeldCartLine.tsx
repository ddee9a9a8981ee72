import { useTranslation } from 'react-i18next';
import { Button, IconRemove } from 'suomifi-ui-components';
import type { CourseRegistration, OrderLine, Reservation } from '../../api/client';
import { ErrorAlert } from '../../app/feedback';
import { currentLanguage } from '../../i18n';
import { formatMoment, formatSpan } from '../bookings/time';
import { formatMoney } from './money';
import { LineDetails } from './OrderSummary';
import { useRemoveBooking, useRemoveRegistration } from './queries';

type Held =
  | { kind: 'booking'; id: string; item: Reservation | undefined }
  | { kind: 'course'; id: string; item: CourseRegistration | undefined };

/**
 * Something held in the cart for the buyer — a booking or a course seat: what it is, its price,
 * how long it is kept, and Remove, which cancels it so that the time or the seat is free again.
 * The item itself (from My bookings or My registrations) gives its name in the UI language and
 * its hold; until it is known the line's own name is shown.
 */
export function HeldCartLine(props: {
  line: OrderLine;
  held: Held;
  now: number;
  slug: string;
  onChanged: (message: string, removed: boolean) => void;
}) {
  const { line, held, now, slug, onChanged } = props;
  const { t } = useTranslation('shop');
  const language = currentLanguage();
  const removeBooking = useRemoveBooking(slug);
  const removeRegistration = useRemoveRegistration(slug);
  const remove = held.kind === 'booking' ? removeBooking : removeRegistration;
  const name = !held.item
    ? line.name
    : held.kind === 'booking'
      ? `${held.item.resourceName[language]} ${formatSpan(held.item.start, held.item.end, language)}`
      : `${held.item.courseName[language]}: ${held.item.child.firstName} ${held.item.child.lastName}`;
  const heldUntil = held.item?.heldUntil ?? null;
  // The server releases an unpaid hold soon after it ends; until then it is shown as ended.
  const expired = heldUntil !== null && Date.parse(heldUntil) <= now;
  const k = `cart.${held.kind}` as const;

  // mutateAsync: the line leaves the cart (this component unmounts) when the cart is
  // refreshed, and the callbacks of plain mutate() would not run for an unmounted component.
  async function onRemove() {
    if (remove.isPending) return;
    try {
      await remove.mutateAsync(held.id);
    } catch {
      return; // shown by remove.isError
    }
    onChanged(t(`${k}.removed`, { name }), true);
  }

  return (
    <li className={`order-line order-line--${held.kind}`}>
      <p className="order-line__kind">{t(`${k}.kind`)}</p>
      <div className="order-line__head">
        <span className="order-line__name">{name}</span>
        <span className="order-line__total">{formatMoney(line.totalCents, language)}</span>
      </div>
      <LineDetails line={line} />
      {heldUntil && !expired && (
        <p className="order-line__hold">
          {t(`${k}.heldUntil`, { time: formatMoment(heldUntil, language) })}
        </p>
      )}
      {heldUntil && expired && (
        <p className="order-line__hold order-line__hold--expired">
          {t(`${k}.expired`, { time: formatMoment(heldUntil, language) })}
        </p>
      )}
      <div className="button-row">
        <Button
          variant="secondaryNoBorder"
          icon={<IconRemove />}
          aria-label={t(`${k}.removeLabel`, { name })}
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
