import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  DateInput,
  Dropdown,
  DropdownItem,
  RadioButton,
  RadioButtonGroup,
  TextInput,
  Textarea,
} from 'suomifi-ui-components';
import { isApiError } from '../../api/client';
import { ErrorAlert } from '../../app/feedback';
import { parseDate } from '../bookings/time';
import { AGE_GROUPS, useRecordFreePlaces, type AgeGroup } from './free-places.queries';

interface Props {
  slug: string;
  units: { id: string; name: string }[];
  /** Called with the text to announce once the places are recorded. */
  onDone: (text: string) => void;
}

/** Staff record free places of a unit's age group from a date; the subscribers are told at once. */
export function RecordFreePlacesForm({ slug, units, onDone }: Props) {
  const { t } = useTranslation('freePlaces');
  const recordPlaces = useRecordFreePlaces(slug);
  const [unitId, setUnitId] = useState(units[0]?.id ?? '');
  const [ageGroup, setAgeGroup] = useState<AgeGroup>('under3');
  const [from, setFrom] = useState('');
  const [places, setPlaces] = useState('1');
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);

  const fromDate = parseDate(from);
  const count = /^\s*\d{1,3}\s*$/.test(places) ? Number(places) : NaN;
  const serverError = (field: string) =>
    isApiError(recordPlaces.error) ? recordPlaces.error.fieldError(field) : undefined;
  const errors = {
    from: !from.trim() ? t('required') : !fromDate ? t('record.invalidDate') : undefined,
    places: count >= 1 && count <= 200 ? undefined : t('record.invalidPlaces'),
  };
  const status = (key: keyof typeof errors, field: string) => {
    const text = (touched ? errors[key] : undefined) ?? serverError(field);
    return text ? { status: 'error' as const, statusText: text } : {};
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (errors.from || errors.places || !fromDate) return;
    try {
      const result = await recordPlaces.mutateAsync({
        unitId,
        ageGroup,
        fromDate,
        places: count,
        note: note.trim(),
      });
      setTouched(false);
      setFrom('');
      setPlaces('1');
      setNote('');
      onDone(t('record.done', { count: result.notified }));
    } catch {
      // shown above the button
    }
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="free-places__form" noValidate>
      {units.length > 1 && (
        <Dropdown
          labelText={t('record.unit')}
          value={unitId}
          onChange={(value: string) => setUnitId(value)}
          fullWidth
          mb="s"
        >
          {units.map((u) => (
            <DropdownItem key={u.id} value={u.id}>
              {u.name}
            </DropdownItem>
          ))}
        </Dropdown>
      )}
      <RadioButtonGroup
        labelText={t('alerts.ageGroup')}
        name="recordAgeGroup"
        value={ageGroup}
        onChange={(value) => setAgeGroup(value as AgeGroup)}
      >
        {AGE_GROUPS.map((group) => (
          <RadioButton key={group} value={group}>
            {t(`ageGroup.${group}`)}
          </RadioButton>
        ))}
      </RadioButtonGroup>
      <DateInput
        labelText={t('record.from')}
        hintText={t('record.dateHint')}
        value={from}
        onChange={({ value }) => setFrom(value)}
        fullWidth
        {...status('from', 'body.fromDate')}
      />
      <TextInput
        labelText={t('record.places')}
        inputMode="numeric"
        value={places}
        onChange={(value) => setPlaces(String(value ?? ''))}
        {...status('places', 'body.places')}
      />
      <Textarea
        labelText={t('record.note')}
        optionalText={t('optional')}
        hintText={t('record.noteHint')}
        value={note}
        maxLength={500}
        onChange={(e) => setNote(e.target.value)}
        fullWidth
      />
      {recordPlaces.isError && <ErrorAlert error={recordPlaces.error} />}
      <Button type="submit" disabled={recordPlaces.isPending} className="form-submit">
        {t('record.submit')}
      </Button>
    </form>
  );
}
