import { useTranslation } from 'react-i18next';
import { Button, IconRemove } from 'suomifi-ui-components';
import type { CourseRegistration, OrderLine } from '../../api/client';
import { ErrorAlert } from '../../app/feedback';
import { currentLanguage } from '../../i18n';
import { formatMoment } from '../bookings/time';
import { formatMoney } from './money';
import { LineDetails } from './OrderSummary';
import { useRemoveRegistration } from './queries';

/**
 * A course seat held in the cart: course and child, the fee, how long the seat is kept, and
 * Remove, which cancels the registration so that the seat goes to the next in line.
 */
export function CourseCartLine(props: {
  line: OrderLine & { registrationId: string };
  /** The registration itself (from My registrations) when known: its names, its hold. */
  registration: CourseRegistration | undefined;
  now: number;
  slug: string;
  onChanged: (message: string, removed: boolean) => void;
}) {
  const { line, registration, now, slug, onChanged } = props;
  const { t } = useTranslation('shop');
  const language = currentLanguage();
  const remove = useRemoveRegistration(slug);
  const name = registration
    ? `${registration.courseName[language]}: ${registration.child.firstName} ${registration.child.lastName}`
    : line.name;
  const heldUntil = registration?.heldUntil ?? null;
  // The server releases an unpaid seat soon after its hold ends; until then it shows as ended.
  const expired = heldUntil !== null && Date.parse(heldUntil) <= now;

  // mutateAsync: the line leaves the cart (this component unmounts) when the cart is
  // refreshed, and the callbacks of plain mutate() would not run for an unmounted component.
  async function onRemove() {
    if (remove.isPending) return;
    try {
      await remove.mutateAsync(line.registrationId);
    } catch {
      return; // shown by remove.isError
    }
    onChanged(t('cart.course.removed', { name }), true);
  }

  return (
    <li className="order-line order-line--course">
      <p className="order-line__kind">{t('cart.course.kind')}</p>
      <div className="order-line__head">
        <span className="order-line__name">{name}</span>
        <span className="order-line__total">{formatMoney(line.totalCents, language)}</span>
      </div>
      <LineDetails line={line} />
      {heldUntil && !expired && (
        <p className="order-line__hold">
          {t('cart.course.heldUntil', { time: formatMoment(heldUntil, language) })}
        </p>
      )}
      {heldUntil && expired && (
        <p className="order-line__hold order-line__hold--expired">
          {t('cart.course.expired', { time: formatMoment(heldUntil, language) })}
        </p>
      )}
      <div className="button-row">
        <Button
          variant="secondaryNoBorder"
          icon={<IconRemove />}
          aria-label={t('cart.course.removeLabel', { name })}
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
