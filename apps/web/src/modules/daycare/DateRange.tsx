import { useTranslation } from 'react-i18next';
import { DateInput } from 'suomifi-ui-components';

interface Props {
  labels: { start: string; end: string; endHint: string };
  start: string;
  end: string;
  onStart: (value: string) => void;
  onEnd: (value: string) => void;
  /** The error to show under each field, once the form has been sent. */
  errors: { start?: string; end?: string };
}

/** A first day and an optional last day, side by side on a wide screen. */
export function DateRange({ labels, start, end, onStart, onEnd, errors }: Props) {
  const { t } = useTranslation('daycare');
  return (
    <div className="absence-form__dates">
      <DateInput
        labelText={labels.start}
        hintText={t('form.dateHint')}
        value={start}
        onChange={({ value }) => onStart(value)}
        status={errors.start ? 'error' : 'default'}
        statusText={errors.start}
        fullWidth
      />
      <DateInput
        labelText={labels.end}
        optionalText={t('optional')}
        hintText={labels.endHint}
        value={end}
        onChange={({ value }) => onEnd(value)}
        status={errors.end ? 'error' : 'default'}
        statusText={errors.end}
        fullWidth
      />
    </div>
  );
}
