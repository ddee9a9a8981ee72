import { useTranslation } from 'react-i18next';
import { Checkbox, Paragraph } from 'suomifi-ui-components';
import { currentLanguage } from '../../i18n';
import { NativeField } from '../courses/NativeField';
import { formatMoney } from '../shop/money';
import { addDays, formatDay } from './time';

/** The API books at most this many weeks in one series (a year). */
export const MAX_WEEKS = 53;

/** How many weekly occurrences fall from `first` to `until` (local dates), or 0 when none. */
export function weeksBetween(first: string, until: string): number {
  const days = (Date.parse(`${until}T12:00:00Z`) - Date.parse(`${first}T12:00:00Z`)) / 86_400_000;
  return Number.isFinite(days) && days >= 0 ? Math.floor(days / 7) + 1 : 0;
}

/** The number of weeks when the last day gives a season the API accepts, else null. */
export function seasonWeeks(first: string, until: string): number | null {
  const weeks = weeksBetween(first, until);
  return weeks >= 1 && weeks <= MAX_WEEKS ? weeks : null;
}

/**
 * "Repeat every week until": the same weekday and time each week, as an association books its
 * season. Shows how many weeks that is and, for a priced facility, the estimated total (the
 * server prices every week; taken or closed weeks are left out and reported).
 */
export function RepeatWeekly(props: {
  weekly: boolean;
  onWeekly: (weekly: boolean) => void;
  firstDate: string;
  until: string;
  onUntil: (until: string) => void;
  weekPriceCents: number | null;
  showErrors: boolean;
}) {
  const { weekly, onWeekly, firstDate, until, onUntil, weekPriceCents, showErrors } = props;
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  const weeks = seasonWeeks(firstDate, until);
  const error = weeks === null ? t('repeat.invalid') : undefined;
  return (
    <div className="repeat-weekly">
      <Checkbox
        checked={weekly}
        hintText={t('repeat.hint', { day: formatDay(firstDate, language) })}
        onClick={({ checkboxState }) => {
          if (checkboxState && !until) onUntil(addDays(firstDate, 7 * 11));
          onWeekly(checkboxState);
        }}
      >
        {t('repeat.label')}
      </Checkbox>
      {weekly && (
        <>
          <NativeField
            label={t('repeat.until')}
            hint={t('repeat.untilHint', { max: MAX_WEEKS })}
            type="date"
            value={until}
            onChange={onUntil}
            error={showErrors || until ? error : undefined}
            className="repeat-weekly__until"
          />
          {weeks !== null && (
            <Paragraph mb="m" className="repeat-weekly__estimate" aria-live="polite">
              {weekPriceCents !== null && weekPriceCents > 0
                ? t('repeat.estimatePriced', {
                    count: weeks,
                    total: formatMoney(weeks * weekPriceCents, language),
                  })
                : t('repeat.estimate', { count: weeks })}
            </Paragraph>
          )}
        </>
      )}
    </div>
  );
}
