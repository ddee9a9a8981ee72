import { useTranslation } from 'react-i18next';
import { DateInput, Dropdown, DropdownItem, TextInput } from 'suomifi-ui-components';
import { parseDate, parseTime } from '../bookings/time';
import type { SlotSeries } from './discussions.queries';

export interface SeriesDraft {
  day: string;
  from: string;
  to: string;
  minutes: string;
  breakMinutes: string;
  staffId: string;
  place: string;
}

export const emptySeries = (staffId: string): SeriesDraft => ({
  day: '',
  from: '8.00',
  to: '12.00',
  minutes: '45',
  breakMinutes: '15',
  staffId,
  place: '',
});

const LENGTHS = ['20', '30', '45', '60', '90'];
const BREAKS = ['0', '5', '10', '15', '30'];

/** The draft as the API's series, or the errors (by field) that keep it from being one. */
export function checkSeries(
  draft: SeriesDraft,
  t: (
    key: 'required' | 'series.invalidDate' | 'series.invalidTime' | 'series.endBeforeStart',
  ) => string,
): { series?: SlotSeries; errors: Partial<Record<'day' | 'from' | 'to', string>> } {
  const day = parseDate(draft.day);
  const from = parseTime(draft.from);
  const to = parseTime(draft.to);
  const errors = {
    day: !draft.day.trim() ? t('required') : !day ? t('series.invalidDate') : undefined,
    from: !from ? t('series.invalidTime') : undefined,
    to: !to ? t('series.invalidTime') : from && to <= from ? t('series.endBeforeStart') : undefined,
  };
  if (!day || !from || !to || errors.to) return { errors };
  return {
    series: {
      day,
      from,
      to,
      minutes: Number(draft.minutes),
      breakMinutes: Number(draft.breakMinutes),
      staffId: draft.staffId,
      place: draft.place,
    },
    errors,
  };
}

/**
 * A day's slots in one go: the day, from–to, each slot's length and the break between, who
 * holds them and where (a room, or "video call" and how to join).
 */
export function SlotSeriesFields({
  draft,
  onChange,
  staff,
  errors,
}: {
  draft: SeriesDraft;
  onChange: (draft: SeriesDraft) => void;
  staff?: { id: string; name: string }[];
  errors: Partial<Record<'day' | 'from' | 'to', string>>;
}) {
  const { t } = useTranslation('discussions');
  const set = (key: keyof SeriesDraft) => (value: string) => onChange({ ...draft, [key]: value });
  return (
    <div className="series-form">
      <DateInput
        labelText={t('series.day')}
        hintText={t('series.dayHint')}
        value={draft.day}
        onChange={({ value }) => set('day')(value)}
        status={errors.day ? 'error' : 'default'}
        statusText={errors.day}
        fullWidth
      />
      <div className="series-form__row">
        <TextInput
          labelText={t('series.from')}
          hintText={t('series.timeHint')}
          value={draft.from}
          onChange={(value) => set('from')(String(value ?? ''))}
          status={errors.from ? 'error' : 'default'}
          statusText={errors.from}
          fullWidth
          mb="s"
        />
        <TextInput
          labelText={t('series.to')}
          hintText={t('series.timeHint')}
          value={draft.to}
          onChange={(value) => set('to')(String(value ?? ''))}
          status={errors.to ? 'error' : 'default'}
          statusText={errors.to}
          fullWidth
          mb="s"
        />
        <Dropdown
          labelText={t('series.minutes')}
          value={draft.minutes}
          onChange={set('minutes')}
          fullWidth
          mb="s"
        >
          {LENGTHS.map((m) => (
            <DropdownItem key={m} value={m}>
              {t('series.minutesValue', { minutes: m })}
            </DropdownItem>
          ))}
        </Dropdown>
        <Dropdown
          labelText={t('series.break')}
          value={draft.breakMinutes}
          onChange={set('breakMinutes')}
          fullWidth
          mb="s"
        >
          {BREAKS.map((m) => (
            <DropdownItem key={m} value={m}>
              {t('series.minutesValue', { minutes: m })}
            </DropdownItem>
          ))}
        </Dropdown>
      </div>
      {staff && (
        <Dropdown
          labelText={t('series.staff')}
          value={draft.staffId}
          onChange={set('staffId')}
          fullWidth
          mb="s"
        >
          {staff.map((s) => (
            <DropdownItem key={s.id} value={s.id}>
              {s.name}
            </DropdownItem>
          ))}
        </Dropdown>
      )}
      <TextInput
        labelText={t('series.place')}
        optionalText={t('optional')}
        hintText={t('series.placeHint')}
        value={draft.place}
        maxLength={300}
        onChange={(value) => set('place')(String(value ?? ''))}
        fullWidth
        mb="m"
      />
    </div>
  );
}
