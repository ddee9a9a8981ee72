import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink } from 'react-router-dom';
import { Button, Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import type { CourseRegistration } from '../../api/client';
import { ErrorAlert } from '../../app/feedback';
import { currentLanguage } from '../../i18n';
import { refundsInFull } from '../bookings/price';
import { formatMoney } from '../shop/money';
import { useAcceptOffer, useCancelRegistration } from './queries';
import { registrationWhat } from './RegistrationSummary';
import { formatWhen } from './format';

/**
 * What cancelling now does, by the API's rule: a paid fee comes back in full until
 * freeCancellationUntil and not after; an unpaid hold just leaves the cart; a waitlist place
 * or an offer goes to the next in line.
 */
function CancelNote({ item, byStaff }: { item: CourseRegistration; byStaff: boolean }) {
  const { t } = useTranslation('courses');
  const language = currentLanguage();
  const amount = formatMoney(item.priceCents, language);
  const time = item.freeCancellationUntil ? formatWhen(item.freeCancellationUntil, language) : '';
  let text: string;
  if (item.payment === 'paid' && byStaff) {
    // Staff cancellations always give the whole fee back.
    text = t('cancel.refundStaff', { amount });
  } else if (item.payment === 'paid') {
    text = refundsInFull(item.freeCancellationUntil)
      ? t('cancel.refundFull', { amount, time })
      : t('cancel.refundNone', { amount, time });
  } else if (item.status === 'held') {
    text = t('cancel.unpaid');
  } else if (item.status === 'waitlisted') {
    text = t('cancel.waitlist');
  } else if (item.status === 'offered') {
    text = t('cancel.offer');
  } else {
    text = t('cancel.free');
  }
  return <Paragraph mb="s">{text}</Paragraph>;
}

/** The confirmation of a cancellation, for the guardian or (byStaff) the course's staff. */
export function ConfirmCancel(props: {
  item: CourseRegistration;
  slug: string;
  onClose: () => void;
  onDone: (message: string) => void;
  byStaff?: boolean;
}) {
  const { item, slug, onClose, onDone, byStaff = false } = props;
  const { t } = useTranslation('courses');
  const language = currentLanguage();
  const cancel = useCancelRegistration(slug);
  const boxRef = useRef<HTMLDivElement>(null);
  const headingId = `cancel-${item.id}`;
  const what = registrationWhat(item, language);
  // The box itself takes the focus: what happens to the money is read before the buttons.
  useEffect(() => boxRef.current?.focus(), []);

  // mutateAsync: the cancelled registration moves to the other list (this box unmounts) when
  // the lists are refreshed, and the callbacks of plain mutate() would not run by then.
  async function onConfirm() {
    if (cancel.isPending) return;
    let result: CourseRegistration;
    try {
      result = await cancel.mutateAsync(item.id);
    } catch {
      return; // shown by cancel.isError
    }
    onDone(
      result.refundedCents > 0
        ? t(byStaff ? 'cancel.doneRefundStaff' : 'cancel.doneRefund', {
            what,
            amount: formatMoney(result.refundedCents, language),
          })
        : t('cancel.done', { what }),
    );
  }

  return (
    <div
      ref={boxRef}
      tabIndex={-1}
      className="confirm-box"
      role="group"
      aria-labelledby={headingId}
    >
      <Heading variant="h4" as="h4" id={headingId} mb="xs">
        {t('cancel.confirmHeading')}
      </Heading>
      <Paragraph mb="s">{what}</Paragraph>
      <CancelNote item={item} byStaff={byStaff} />
      {cancel.isError && <ErrorAlert error={cancel.error} />}
      <div className="button-row">
        <Button disabled={cancel.isPending} onClick={() => void onConfirm()}>
          {t('cancel.confirm')}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {t('cancel.keep')}
        </Button>
      </div>
    </div>
  );
}

/**
 * The guardian's actions on a registration: pay a held seat in the cart, accept an offered
 * seat before its deadline, cancel (with what happens to the money said first).
 */
export function RegistrationActions(props: {
  item: CourseRegistration;
  slug: string;
  onDone: (message: string) => void;
}) {
  const { item, slug, onDone } = props;
  const { t } = useTranslation('courses');
  const language = currentLanguage();
  const accept = useAcceptOffer(slug);
  const [confirming, setConfirming] = useState(false);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const what = registrationWhat(item, language);

  async function onAccept() {
    if (accept.isPending) return;
    let result: CourseRegistration;
    try {
      result = await accept.mutateAsync(item.id);
    } catch {
      return; // shown by accept.isError
    }
    onDone(
      result.status === 'held' && result.heldUntil
        ? t('offer.acceptedHeld', { what, time: formatWhen(result.heldUntil, language) })
        : t('offer.accepted', { what }),
    );
  }

  return (
    <>
      {item.status === 'held' && (
        <Paragraph mb="s">
          <RouterLink
            asComponent={RouterDomLink}
            to={`/${slug}/shop/cart`}
            aria-label={t('mine.payLabel', { what })}
          >
            {t('mine.pay')}
          </RouterLink>
        </Paragraph>
      )}
      {accept.isError && <ErrorAlert error={accept.error} />}
      {(item.canAccept || item.canCancel) && !confirming && (
        <div className="button-row">
          {item.canAccept && (
            <Button
              disabled={accept.isPending}
              aria-label={t('offer.acceptLabel', { what })}
              onClick={() => void onAccept()}
            >
              {t('offer.accept')}
            </Button>
          )}
          {item.canCancel && (
            <Button
              variant="secondary"
              ref={cancelButton}
              aria-label={t('cancel.label', { what })}
              onClick={() => setConfirming(true)}
            >
              {t('cancel.button')}
            </Button>
          )}
        </div>
      )}
      {confirming && (
        <ConfirmCancel
          item={item}
          slug={slug}
          onDone={onDone}
          onClose={() => {
            setConfirming(false);
            window.setTimeout(() => cancelButton.current?.focus(), 0);
          }}
        />
      )}
    </>
  );
}
