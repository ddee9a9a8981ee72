import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, DateInput, Dropdown, DropdownItem, TextInput } from 'suomifi-ui-components';
import { ErrorAlert } from '../../app/feedback';
import { formatClock, localParts, parseDate, parseTime } from '../bookings/time';
import { currentLanguage } from '../../i18n';
import { useUpdateSlot, type StaffSurvey } from './discussions.queries';

type Slot = StaffSurvey['slots'][number];

/** Change a free slot: its day, times, holder and place. */
export function SlotEditForm({
  slug,
  slot,
  staff,
  onDone,
}: {
  slug: string;
  slot: Slot;
  staff: StaffSurvey['staff'];
  onDone: (changed: boolean) => void;
}) {
  const { t } = useTranslation('discussions');
  const language = currentLanguage();
  const update = useUpdateSlot(slug);
  const start = localParts(new Date(slot.startsAt));
  const [day, setDay] = useState(start.date.split('-').reverse().map(Number).join('.'));
  const [from, setFrom] = useState(formatClock(start.time, language));
  const [to, setTo] = useState(formatClock(localParts(new Date(slot.endsAt)).time, language));
  const [staffId, setStaffId] = useState(slot.staff.id);
  const [place, setPlace] = useState(slot.place);
  const [touched, setTouched] = useState(false);
  const parsed = { day: parseDate(day), start: parseTime(from), end: parseTime(to) };
  const errors = {
    day: parsed.day ? undefined : t('series.invalidDate'),
    from: parsed.start ? undefined : t('series.invalidTime'),
    to: !parsed.end
      ? t('series.invalidTime')
      : parsed.start && parsed.end <= parsed.start
        ? t('series.endBeforeStart')
        : undefined,
  };
  const shown = (key: keyof typeof errors) => (touched ? errors[key] : undefined);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (update.isPending || Object.values(errors).some(Boolean)) return;
    try {
      await update.mutateAsync([
        slot.id,
        { day: parsed.day!, start: parsed.start!, end: parsed.end!, staffId, place },
      ]);
      onDone(true);
    } catch {
      // Shown above the buttons.
    }
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="slot-edit">
      <DateInput
        labelText={t('series.day')}
        hintText={t('series.dayHint')}
        value={day}
        onChange={({ value }) => setDay(value)}
        status={shown('day') ? 'error' : 'default'}
        statusText={shown('day')}
        fullWidth
      />
      <div className="series-form__row">
        <TextInput
          labelText={t('edit.start')}
          value={from}
          onChange={(value) => setFrom(String(value ?? ''))}
          status={shown('from') ? 'error' : 'default'}
          statusText={shown('from')}
          fullWidth
          mb="s"
        />
        <TextInput
          labelText={t('edit.end')}
          value={to}
          onChange={(value) => setTo(String(value ?? ''))}
          status={shown('to') ? 'error' : 'default'}
          statusText={shown('to')}
          fullWidth
          mb="s"
        />
      </div>
      <Dropdown
        labelText={t('series.staff')}
        value={staffId}
        onChange={setStaffId}
        fullWidth
        mb="s"
      >
        {staff.map((s) => (
          <DropdownItem key={s.id} value={s.id}>
            {s.name}
          </DropdownItem>
        ))}
      </Dropdown>
      <TextInput
        labelText={t('series.place')}
        optionalText={t('optional')}
        value={place}
        maxLength={300}
        onChange={(value) => setPlace(String(value ?? ''))}
        fullWidth
        mb="s"
      />
      {update.isError && <ErrorAlert error={update.error} />}
      <div className="button-row">
        <Button type="submit" disabled={update.isPending}>
          {t('edit.save')}
        </Button>
        <Button variant="secondary" onClick={() => onDone(false)}>
          {t('edit.close')}
        </Button>
      </div>
    </form>
  );
}
