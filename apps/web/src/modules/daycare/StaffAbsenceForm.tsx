import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, DateInput, RadioButton, RadioButtonGroup, Textarea } from 'suomifi-ui-components';
import type { AbsenceCategory, GroupDayChild } from '../../api/client';
import { ErrorAlert } from '../../app/feedback';
import { currentLanguage } from '../../i18n';
import { parseDate } from '../bookings/time';
import { formatDays, fullName } from './format';
import { useRecordGroupAbsence } from './queries';

const CATEGORIES: AbsenceCategory[] = ['sick', 'other', 'holiday'];

/**
 * Staff record a child of the group absent from the day shown: that day only, or up to a last
 * day; the reason and a note. No cut-off for staff (see absences.staff.ts in the API).
 */
export function StaffAbsenceForm({
  slug,
  groupId,
  date,
  child,
  onDone,
  onCancel,
}: {
  slug: string;
  groupId: string;
  date: string;
  child: GroupDayChild;
  onDone: (text: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('daycare');
  const language = currentLanguage();
  const record = useRecordGroupAbsence(slug, groupId);
  const [category, setCategory] = useState<AbsenceCategory>('sick');
  const [end, setEnd] = useState('');
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const endDate = end.trim() ? parseDate(end) : date;
  const endError = !endDate
    ? t('form.invalidDate')
    : endDate < date
      ? t('form.endBeforeStart')
      : undefined;
  const name = fullName(child);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (record.isPending || endError || !endDate) return;
    try {
      await record.mutateAsync({
        childId: child.id,
        startDate: date,
        endDate,
        category,
        note,
      });
      onDone(t('staffAbsence.done', { name, days: formatDays(date, endDate, language) }));
    } catch {
      // shown in the form
    }
  }

  return (
    <form
      className="staff-absence-form"
      aria-label={t('staffAbsence.formLabel', { name })}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
    >
      {record.isError && <ErrorAlert error={record.error} />}
      <RadioButtonGroup
        labelText={t('form.category')}
        name={`staff-absence-category-${child.id}`}
        value={category}
        onChange={(value) => setCategory(value as AbsenceCategory)}
        mb="s"
      >
        {CATEGORIES.map((c) => (
          <RadioButton key={c} value={c}>
            {t(`category.${c}`)}
          </RadioButton>
        ))}
      </RadioButtonGroup>
      <DateInput
        labelText={t('staffAbsence.lastDay')}
        optionalText={t('optional')}
        hintText={t('staffAbsence.lastDayHint')}
        value={end}
        onChange={({ value }) => setEnd(value)}
        status={touched && endError ? 'error' : 'default'}
        statusText={touched ? endError : undefined}
        fullWidth
      />
      <Textarea
        labelText={t('form.note')}
        optionalText={t('optional')}
        value={note}
        maxLength={500}
        onChange={(event) => setNote(event.target.value)}
        fullWidth
        mb="s"
      />
      <div className="staff-absence-form__actions">
        <Button type="submit" disabled={record.isPending}>
          {t('staffAbsence.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('staffAbsence.cancel')}
        </Button>
      </div>
    </form>
  );
}
