import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { useIsSmallScreen } from '../../app/useMediaQuery';
import { currentLanguage } from '../../i18n';
import type { Slot } from './slots';
import { formatClock, formatDay, todayLocal } from './time';

interface Props {
  days: string[];
  slots: Slot[];
  /** Start of the selected slot. */
  selected: number | null;
  /** Without it the calendar only shows the situation (not signed in). */
  onSelect?: (slot: Slot) => void;
  caption: string;
}

function SlotCell({
  slot,
  selected,
  onSelect,
  showTime,
}: {
  slot: Slot;
  selected: boolean;
  onSelect?: (slot: Slot) => void;
  showTime: boolean;
}) {
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  const time = formatClock(slot.time, language);
  const state = t(`calendar.states.${slot.state}`);
  const visible = (
    <>
      {showTime && <span className="slot__time">{time}</span>}
      <span className="slot__state">{selected ? t('calendar.selected') : state}</span>
    </>
  );
  if (slot.state === 'free' && onSelect) {
    return (
      <button
        type="button"
        className={selected ? 'slot slot--free slot--selected' : 'slot slot--free'}
        aria-pressed={selected}
        aria-label={t('calendar.slot', { day: formatDay(slot.date, language), time, state })}
        onClick={() => onSelect(slot)}
      >
        {visible}
      </button>
    );
  }
  return <span className={`slot slot--${slot.state}`}>{visible}</span>;
}

/**
 * The week's slots: a table with days as columns and clock times as rows on wider screens,
 * a list of days on phones. Every state has a text label, not only a colour.
 */
export function WeekCalendar({ days, slots, selected, onSelect, caption }: Props) {
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  const small = useIsSmallScreen();
  const byDay = new Map(days.map((d) => [d, slots.filter((s) => s.date === d)]));

  if (small) {
    const today = todayLocal();
    const shown = days.filter((d) => d >= today);
    return (
      <ol className="day-list" aria-label={caption}>
        {(shown.length ? shown : days).map((day) => {
          const daySlots = byDay.get(day) ?? [];
          return (
            <li key={day} className="day">
              <Heading variant="h4" as="h3" mb="xs">
                {formatDay(day, language)}
              </Heading>
              {daySlots.length === 0 ? (
                <Paragraph>{t('calendar.closedDay')}</Paragraph>
              ) : (
                <ul className="slot-list">
                  {daySlots.map((slot) => (
                    <li key={slot.start}>
                      <SlotCell
                        slot={slot}
                        selected={slot.start === selected}
                        onSelect={onSelect}
                        showTime
                      />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    );
  }

  const times = [...new Set(slots.map((s) => s.time))].sort();
  return (
    <div className="table-scroll" role="region" tabIndex={0} aria-label={caption}>
      <table className="week-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('calendar.time')}</th>
            {days.map((day) => (
              <th scope="col" key={day}>
                {formatDay(day, language)}
                {(byDay.get(day) ?? []).length === 0 && (
                  <span className="week-table__closed">{t('calendar.closedDay')}</span>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {times.map((time) => (
            <tr key={time}>
              <th scope="row">{formatClock(time, language)}</th>
              {days.map((day) => {
                const slot = byDay.get(day)?.find((s) => s.time === time);
                return (
                  <td key={day}>
                    {slot && (
                      <SlotCell
                        slot={slot}
                        selected={slot.start === selected}
                        onSelect={onSelect}
                        showTime={false}
                      />
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
