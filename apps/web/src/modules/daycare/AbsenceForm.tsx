import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Checkbox,
  CheckboxGroup,
  Heading,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
  Textarea,
} from 'suomifi-ui-components';
import type { AbsenceCategory, MyDaycare } from '../../api/client';
import { ErrorAlert, SuccessAlert } from '../../app/feedback';
import { currentLanguage } from '../../i18n';
import { addDays, formatClock, formatDay, isoWeekday, parseDate } from '../bookings/time';
import { formatDays, fullName, nextOpenDay, openWeekdays } from './format';
import { useReportAbsence } from './queries';
import { DateRange } from './DateRange';

const CATEGORIES: AbsenceCategory[] = ['sick', 'other', 'holiday'];
type When = 'first' | 'second' | 'range';

/**
 * Report one or several children absent: the next two days the units are open as one tap
 * each, or any range of days; the reason and a note for the group's staff. Today is offered
 * until the cut-off time; after it the form says to tell the group directly.
 */
export function AbsenceForm({ slug, daycare }: { slug: string; daycare: MyDaycare }) {
  const { t } = useTranslation('daycare');
  const language = currentLanguage();
  const report = useReportAbsence(slug);
  const placed = daycare.children.filter((c) => c.placements.length > 0);
  const [chosen, setChosen] = useState<string[]>(placed.length === 1 ? [placed[0]!.id] : []);
  const [when, setWhen] = useState<When>('first');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [category, setCategory] = useState<AbsenceCategory>('sick');
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const [done, setDone] = useState('');
  const resultRef = useRef<HTMLDivElement>(null);

  const { today, firstOpenDay } = daycare;
  const weekdays = openWeekdays(placed.filter((c) => chosen.includes(c.id) || !chosen.length));
  const first = nextOpenDay(firstOpenDay, weekdays);
  const second = nextOpenDay(addDays(first, 1), weekdays);
  const dayLabel = (day: string) =>
    day === today
      ? t('form.today', { day: formatDay(day, language) })
      : day === addDays(today, 1)
        ? t('form.tomorrow', { day: formatDay(day, language) })
        : formatDay(day, language);
  const cutoff = formatClock(daycare.absenceCutoff, language);
  const todayIsOpen = weekdays.has(isoWeekday(today));

  const startDate = parseDate(start);
  const endDate = end.trim() ? parseDate(end) : startDate;
  const errors = {
    children: chosen.length ? undefined : t('form.chooseChild'),
    start:
      when !== 'range'
        ? undefined
        : !start.trim()
          ? t('required')
          : !startDate
            ? t('form.invalidDate')
            : undefined,
    end:
      when !== 'range' || !startDate
        ? undefined
        : !endDate
          ? t('form.invalidDate')
          : endDate < startDate
            ? t('form.endBeforeStart')
            : undefined,
  };
  const shown = (key: keyof typeof errors) => (touched ? errors[key] : undefined);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setDone('');
    if (report.isPending || Object.values(errors).some(Boolean)) return;
    const [from, to] =
      when === 'first'
        ? [first, first]
        : when === 'second'
          ? [second, second]
          : [startDate!, endDate!];
    try {
      await report.mutateAsync({ childIds: chosen, startDate: from, endDate: to, category, note });
      const names = placed.filter((c) => chosen.includes(c.id)).map((c) => c.firstName);
      setDone(t('form.done', { names: names.join(', '), days: formatDays(from, to, language) }));
      setTouched(false);
      setNote('');
      setStart('');
      setEnd('');
    } catch {
      // The translated problem (e.g. the cut-off) is shown above the form.
    }
    window.setTimeout(() => resultRef.current?.focus(), 0);
  }

  return (
    <section aria-labelledby="absence-form-heading" className="form-section absence-form">
      <Heading variant="h2" id="absence-form-heading" mb="s">
        {t('form.heading')}
      </Heading>
      <div ref={resultRef} tabIndex={-1} className="notice-focus">
        {done && <SuccessAlert>{done}</SuccessAlert>}
        {report.isError && <ErrorAlert error={report.error} />}
      </div>
      {placed.length === 0 ? (
        <Paragraph>{t('form.noChildren')}</Paragraph>
      ) : (
        <form onSubmit={(event) => void onSubmit(event)} noValidate>
          {/* The error goes in the hint: the group's own status text breaks ARIA (axe). */}
          <CheckboxGroup
            labelText={t('form.children')}
            groupHintText={shown('children')}
            className={shown('children') ? 'daycare-group--error' : undefined}
            mb="m"
          >
            {placed.map((child) => (
              <Checkbox
                key={child.id}
                checked={chosen.includes(child.id)}
                hintText={child.placements[0]!.unit.name}
                onClick={({ checkboxState }) =>
                  setChosen((c) =>
                    checkboxState ? [...c, child.id] : c.filter((id) => id !== child.id),
                  )
                }
              >
                {fullName(child)}
              </Checkbox>
            ))}
          </CheckboxGroup>
          <RadioButtonGroup
            labelText={t('form.when')}
            groupHintText={
              firstOpenDay === today
                ? t('form.cutoffOpen', { time: cutoff })
                : todayIsOpen
                  ? t('form.cutoffPassed', { time: cutoff })
                  : undefined
            }
            name="when"
            value={when}
            onChange={(value) => setWhen(value as When)}
            mb="m"
          >
            <RadioButton value="first">{dayLabel(first)}</RadioButton>
            <RadioButton value="second">{dayLabel(second)}</RadioButton>
            <RadioButton value="range">{t('form.range')}</RadioButton>
          </RadioButtonGroup>
          {when === 'range' && (
            <DateRange
              labels={{
                start: t('form.startDate'),
                end: t('form.endDate'),
                endHint: t('form.endHint'),
              }}
              start={start}
              end={end}
              onStart={setStart}
              onEnd={setEnd}
              errors={{ start: shown('start'), end: shown('end') }}
            />
          )}
          <RadioButtonGroup
            labelText={t('form.category')}
            name="category"
            value={category}
            onChange={(value) => setCategory(value as AbsenceCategory)}
            mb="m"
          >
            {CATEGORIES.map((c) => (
              <RadioButton key={c} value={c}>
                {t(`category.${c}`)}
              </RadioButton>
            ))}
          </RadioButtonGroup>
          <Textarea
            labelText={t('form.note')}
            optionalText={t('optional')}
            hintText={t('form.noteHint')}
            value={note}
            maxLength={500}
            onChange={(event) => setNote(event.target.value)}
            fullWidth
            mb="m"
          />
          <Button type="submit" disabled={report.isPending}>
            {t('form.submit')}
          </Button>
        </form>
      )}
    </section>
  );
}
