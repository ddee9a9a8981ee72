import { useTranslation } from 'react-i18next';
import { Button, TextInput } from 'suomifi-ui-components';

interface Props {
  reason: string;
  onReason: (reason: string) => void;
  pending: boolean;
  /** The buttons' texts and their accessible names (which say what is decided). */
  approve: { text: string; label: string };
  deny: { text: string; label: string };
  onDecide: (approve: boolean) => void;
}

/** Staff's decision on a request: an optional reason for the booker, approve or deny. */
export function DecisionControls({ reason, onReason, pending, approve, deny, onDecide }: Props) {
  const { t } = useTranslation('bookings');
  return (
    <>
      <TextInput
        labelText={t('staff.reason')}
        optionalText={t('optional')}
        hintText={t('staff.reasonHint')}
        value={reason}
        maxLength={1000}
        onChange={(v) => onReason(String(v ?? ''))}
        fullWidth
        mb="s"
      />
      <div className="button-row">
        <Button disabled={pending} aria-label={approve.label} onClick={() => onDecide(true)}>
          {approve.text}
        </Button>
        <Button
          variant="secondary"
          disabled={pending}
          aria-label={deny.label}
          onClick={() => onDecide(false)}
        >
          {deny.text}
        </Button>
      </div>
    </>
  );
}
