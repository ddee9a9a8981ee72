import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, TextInput } from 'suomifi-ui-components';
import type { Reservation } from '../../api/client';
import { ErrorAlert } from '../../app/feedback';
import { currentLanguage } from '../../i18n';
import { formatMoney } from '../shop/money';
import { useCancelSeries } from './queries';

/**
 * "Cancel the rest of the season": the coming weeks of one's own weekly series at once. Each
 * week bought is given back by the facility's rule, counted from that week's start: money back
 * when paid, a credit on the invoice when invoiced and not paid yet. Unpaid weeks leave the
 * cart.
 */
export function SeriesCancel(props: {
  seriesId: string;
  weeks: Reservation[];
  slug: string;
  onCancelled: (message: string) => void;
}) {
  const { seriesId, weeks, slug, onCancelled } = props;
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  const cancel = useCancelSeries(slug);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const openButton = useRef<HTMLButtonElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const name = weeks[0]!.resourceName[language];
  useEffect(() => {
    if (confirming) formRef.current?.querySelector('input')?.focus();
  }, [confirming]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (cancel.isPending) return;
    try {
      const result = await cancel.mutateAsync({ seriesId, reason: reason.trim() || undefined });
      const params = { name, count: result.cancelled };
      onCancelled(
        [
          t('season.cancelled', params),
          result.refundedCents > 0
            ? t('season.refunded', { amount: formatMoney(result.refundedCents, language) })
            : '',
          result.creditedCents > 0
            ? t('season.credited', { amount: formatMoney(result.creditedCents, language) })
            : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
    } catch {
      // shown by cancel.isError
    }
  }

  if (!confirming) {
    return (
      <Button
        variant="secondary"
        ref={openButton}
        aria-label={t('season.cancelLabel', { name, count: weeks.length })}
        onClick={() => setConfirming(true)}
      >
        {t('season.cancel', { count: weeks.length })}
      </Button>
    );
  }
  const headingId = `cancel-season-${seriesId}`;
  return (
    <form
      ref={formRef}
      className="confirm-box"
      aria-labelledby={headingId}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
    >
      <Heading variant="h4" as="h3" id={headingId} mb="xs">
        {t('season.confirmHeading', { name, count: weeks.length })}
      </Heading>
      <Paragraph mb="s">{t('season.rule')}</Paragraph>
      {cancel.isError && <ErrorAlert error={cancel.error} />}
      <TextInput
        labelText={t('mine.cancelReason')}
        optionalText={t('optional')}
        value={reason}
        maxLength={1000}
        onChange={(v) => setReason(String(v ?? ''))}
        fullWidth
        mb="s"
      />
      <div className="button-row">
        <Button type="submit" disabled={cancel.isPending}>
          {t('season.confirm')}
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            setConfirming(false);
            window.setTimeout(() => openButton.current?.focus(), 0);
          }}
        >
          {t('mine.keep')}
        </Button>
      </div>
    </form>
  );
}
