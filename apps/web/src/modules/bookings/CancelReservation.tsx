import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, TextInput } from 'suomifi-ui-components';
import type { Reservation } from '../../api/client';
import { ErrorAlert } from '../../app/feedback';
import { currentLanguage } from '../../i18n';
import { formatMoney } from '../shop/money';
import { refundsInFull } from './price';
import { useCancelReservation } from './queries';
import { formatMoment, formatSpan } from './time';

/** "Rantasauna Ti 2.12. klo 18.00–19.00": a reservation named in texts and labels. */
export function reservationWhat(item: Reservation): string {
  const language = currentLanguage();
  return `${item.resourceName[language]} ${formatSpan(item.start, item.end, language)}`;
}

/**
 * What happens to the money if the booking is cancelled now, by the API's rule: staff
 * cancelling always refunds a paid booking in full; its booker gets everything back until
 * freeCancellationUntil and nothing later. An unpaid hold just leaves the cart.
 */
function MoneyNote({ item, byStaff }: { item: Reservation; byStaff: boolean }) {
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  const amount = formatMoney(item.priceCents, language);
  let text: string | null = null;
  const time = item.freeCancellationUntil ? formatMoment(item.freeCancellationUntil, language) : '';
  if (item.payment === 'paid') {
    text = byStaff
      ? t('staff.refundFull', { amount })
      : refundsInFull(item.freeCancellationUntil)
        ? t('mine.refundFull', { amount, time })
        : t('mine.refundNone', { amount, time });
  } else if (item.payment === 'invoiced') {
    // Invoiced and not paid yet: the same rule, as a credit on the invoice.
    text = byStaff
      ? t('staff.creditFull', { amount })
      : refundsInFull(item.freeCancellationUntil)
        ? t('mine.creditFull', { amount, time })
        : t('mine.creditNone', { amount, time });
  } else if (item.payment === 'unpaid' && item.status === 'held') {
    text = byStaff ? t('staff.unpaidCancel') : t('mine.unpaidCancel');
  }
  return text ? <Paragraph mb="s">{text}</Paragraph> : null;
}

/** The confirmation of a cancellation: what, what happens to the money, an optional reason. */
export function ConfirmCancel(props: {
  item: Reservation;
  slug: string;
  byStaff?: boolean;
  onClose: () => void;
  onCancelled: (message: string) => void;
}) {
  const { item, slug, byStaff = false, onClose, onCancelled } = props;
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  const cancel = useCancelReservation(slug);
  const [reason, setReason] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const headingId = `cancel-${item.id}`;
  const what = reservationWhat(item);
  useEffect(() => formRef.current?.querySelector('input')?.focus(), []);

  // mutateAsync: the cancelled booking leaves its list (this form unmounts) when the lists are
  // refreshed, and the callbacks of plain mutate() would not run for an unmounted component.
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (cancel.isPending) return;
    let result: Reservation;
    try {
      result = await cancel.mutateAsync({ id: item.id, reason: reason.trim() || undefined });
    } catch {
      return; // shown by cancel.isError
    }
    const amount = formatMoney(result.refundedCents, language);
    const booker = item.bookerName ?? '–';
    const credit = result.payment === 'credited';
    onCancelled(
      byStaff
        ? result.refundedCents > 0
          ? t(credit ? 'staff.cancelledCredit' : 'staff.cancelledRefund', { what, booker, amount })
          : t('staff.cancelled', { what, booker })
        : result.refundedCents > 0
          ? t(credit ? 'mine.cancelledCredit' : 'mine.cancelledRefund', { what, amount })
          : t('mine.cancelled', { what }),
    );
  }

  return (
    <form
      ref={formRef}
      className="confirm-box"
      aria-labelledby={headingId}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
    >
      <Heading variant="h4" as="h3" id={headingId} mb="xs">
        {t('mine.confirmHeading')}
      </Heading>
      <Paragraph mb="s">
        {byStaff && item.bookerName ? `${what}, ${item.bookerName}` : what}
      </Paragraph>
      <MoneyNote item={item} byStaff={byStaff} />
      {cancel.isError && <ErrorAlert error={cancel.error} />}
      <TextInput
        labelText={byStaff ? t('staff.reason') : t('mine.cancelReason')}
        optionalText={t('optional')}
        hintText={byStaff ? t('staff.reasonHint') : undefined}
        value={reason}
        maxLength={1000}
        onChange={(v) => setReason(String(v ?? ''))}
        fullWidth
        mb="s"
      />
      <div className="button-row">
        <Button type="submit" disabled={cancel.isPending}>
          {t('mine.confirmCancel')}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {t('mine.keep')}
        </Button>
      </div>
    </form>
  );
}

/** "Cancel booking", which opens the confirmation in its place. */
export function CancelControls(props: {
  item: Reservation;
  slug: string;
  byStaff?: boolean;
  onCancelled: (message: string) => void;
}) {
  const { item, byStaff = false } = props;
  const { t } = useTranslation('bookings');
  const [confirming, setConfirming] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  const what = reservationWhat(item);

  if (confirming) {
    return (
      <ConfirmCancel
        {...props}
        onClose={() => {
          setConfirming(false);
          window.setTimeout(() => openButton.current?.focus(), 0);
        }}
      />
    );
  }
  return (
    <Button
      variant="secondary"
      ref={openButton}
      aria-label={
        byStaff
          ? t('staff.cancelLabel', { what, booker: item.bookerName ?? '–' })
          : t('mine.cancelLabel', { what })
      }
      onClick={() => setConfirming(true)}
    >
      {t('mine.cancel')}
    </Button>
  );
}
